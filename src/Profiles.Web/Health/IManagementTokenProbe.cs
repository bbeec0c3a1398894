namespace Profiles.Web.Health;

/// <summary>Whether a Management API token can be obtained right now (readiness). Implemented by Profiles.Core's token cache.</summary>
public interface IManagementTokenProbe
{
    Task<bool> CanObtainTokenAsync(CancellationToken cancellationToken);
}
