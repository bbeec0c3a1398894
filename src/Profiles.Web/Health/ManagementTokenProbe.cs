using Profiles.Core.Management;

namespace Profiles.Web.Health;

/// <summary>Readiness through Core's shared token cache: a cached token counts, otherwise one token request is made.</summary>
public sealed class ManagementTokenProbe(IManagementTokenProvider tokens) : IManagementTokenProbe
{
    public async Task<bool> CanObtainTokenAsync(CancellationToken cancellationToken)
    {
        try
        {
            return !string.IsNullOrEmpty(await tokens.GetTokenAsync(cancellationToken));
        }
        catch (ManagementApiException)
        {
            return false;
        }
    }
}
