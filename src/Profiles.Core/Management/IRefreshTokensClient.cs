using Profiles.Core.Management.Models;

namespace Profiles.Core.Management;

/// <summary>Management API refresh-token operations.</summary>
public interface IRefreshTokensClient
{
    /// <summary><c>GET /users/{id}/refresh-tokens</c>; <paramref name="take"/> is 1–100, <paramref name="from"/> the cursor of a previous page.</summary>
    Task<RefreshTokensPage> GetUserRefreshTokensAsync(string userId, int take = 50, string? from = null, CancellationToken cancellationToken = default);

    /// <summary><c>DELETE /refresh-tokens/{id}</c> (202 or 204; revocation completes asynchronously at Auth0).</summary>
    Task DeleteAsync(string refreshTokenId, CancellationToken cancellationToken = default);
}
