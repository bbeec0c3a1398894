using Profiles.Core.Management.Models;

namespace Profiles.Core.Management;

/// <summary>Management API <c>GET /users/{id}/logs</c> (scope <c>read:logs_users</c>).</summary>
public interface IUserLogsClient
{
    /// <summary>The user's most recent log events, newest first; <paramref name="perPage"/> is 1–100.</summary>
    Task<IReadOnlyList<LogEvent>> GetUserLogsAsync(string userId, int perPage = 50, CancellationToken cancellationToken = default);
}
