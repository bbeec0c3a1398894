using Profiles.Core.Results;

namespace Profiles.Core.Applications;

/// <summary>The applications a user granted access to, and removing that access.</summary>
public interface IApplicationsService
{
    /// <summary>The user's grants and refresh tokens grouped by application, most recently used first.</summary>
    Task<ServiceResult<ConnectedApplications>> ListAsync(string userId, CancellationToken cancellationToken);

    /// <summary>Revokes the user's grants for <paramref name="clientId"/> and that application's refresh tokens, records it and
    /// emails a notice. Only the signed-in user's own grants and tokens are ever touched.</summary>
    Task<ServiceResult> RemoveAsync(string userId, string clientId, CancellationToken cancellationToken);
}
