using Profiles.Core.Management.Models;

namespace Profiles.Core.Management;

/// <summary>Management API <c>/users</c> operations (method names follow <c>Auth0.ManagementApi</c>'s UsersClient).
/// Every method throws <see cref="ManagementApiException"/> on failure.</summary>
public interface IUsersClient
{
    /// <summary><c>GET /users/{id}</c>, optionally limited to a comma-separated list of <paramref name="fields"/>.</summary>
    Task<Auth0User> GetAsync(string id, string? fields = null, CancellationToken cancellationToken = default);

    /// <summary><c>PATCH /users/{id}</c>; returns the whole updated user. Retried after a server failure only when it sets neither a
    /// password nor <c>verify_email</c>.</summary>
    Task<Auth0User> UpdateAsync(string id, UserUpdateRequest request, CancellationToken cancellationToken = default);

    /// <summary><c>DELETE /users/{id}</c> (idempotent: a missing user also succeeds).</summary>
    Task DeleteAsync(string id, CancellationToken cancellationToken = default);

    /// <summary><c>GET /users-by-email</c>; the email is case-sensitive, so pass it in lower case.</summary>
    Task<IReadOnlyList<Auth0User>> GetUsersByEmailAsync(string email, CancellationToken cancellationToken = default);

    /// <summary><c>POST /users/{primaryId}/identities</c>; returns the primary's identities afterwards.</summary>
    Task<IReadOnlyList<Auth0Identity>> LinkAccountAsync(string primaryId, string provider, string userId, string? connectionId = null, CancellationToken cancellationToken = default);

    /// <summary><c>DELETE /users/{primaryId}/identities/{provider}/{secondaryUserId}</c> (the id without the provider prefix);
    /// returns the remaining identities.</summary>
    Task<IReadOnlyList<Auth0Identity>> UnlinkAccountAsync(string primaryId, string provider, string secondaryUserId, CancellationToken cancellationToken = default);
}
