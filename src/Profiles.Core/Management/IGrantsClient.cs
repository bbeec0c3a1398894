using Profiles.Core.Management.Models;

namespace Profiles.Core.Management;

/// <summary>Management API <c>/grants</c> operations for one user.</summary>
public interface IGrantsClient
{
    /// <summary><c>GET /grants?user_id=…</c>.</summary>
    Task<IReadOnlyList<Grant>> GetAllAsync(string userId, CancellationToken cancellationToken = default);

    /// <summary><c>DELETE /grants/{id}</c>: revokes one application's grant.</summary>
    Task DeleteAsync(string grantId, CancellationToken cancellationToken = default);

    /// <summary><c>DELETE /grants?user_id=…</c>: revokes every application grant of the user.</summary>
    Task DeleteAllAsync(string userId, CancellationToken cancellationToken = default);
}
