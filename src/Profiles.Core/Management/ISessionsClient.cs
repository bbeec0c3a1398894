using Profiles.Core.Management.Models;

namespace Profiles.Core.Management;

/// <summary>Management API session operations for one user.</summary>
public interface ISessionsClient
{
    /// <summary><c>GET /users/{id}/sessions</c>; <paramref name="take"/> is 1–100, <paramref name="from"/> the cursor of a previous page.</summary>
    Task<SessionsPage> GetUserSessionsAsync(string userId, int take = 50, string? from = null, CancellationToken cancellationToken = default);

    /// <summary><c>DELETE /users/{id}/sessions</c>: ends every session of the user (202).</summary>
    Task DeleteUserSessionsAsync(string userId, CancellationToken cancellationToken = default);

    /// <summary><c>POST /sessions/{id}/revoke</c>: ends the session and the refresh tokens bound to it (202, asynchronous).</summary>
    Task RevokeSessionAsync(string sessionId, CancellationToken cancellationToken = default);
}
