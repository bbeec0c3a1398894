using System.Globalization;
using Profiles.Core.Management.Models;

namespace Profiles.Core.Management;

/// <summary>Typed client for a user's sessions.</summary>
public sealed class SessionsClient(HttpClientSource http, TimeProvider timeProvider) : ISessionsClient
{
    private readonly ManagementConnection _connection = new(http, timeProvider);

    public SessionsClient(HttpClient httpClient, TimeProvider timeProvider)
        : this(new HttpClientSource(httpClient), timeProvider)
    {
    }

    public Task<SessionsPage> GetUserSessionsAsync(string userId, int take = 50, string? from = null, CancellationToken cancellationToken = default)
    {
        var path = ManagementConnection.UserPath(userId) + "/sessions?take=" + Math.Clamp(take, 1, 100).ToString(CultureInfo.InvariantCulture);
        if (!string.IsNullOrEmpty(from))
        {
            path += "&from=" + Uri.EscapeDataString(from);
        }

        return _connection.SendAsync(HttpMethod.Get, path, null, ManagementJsonContext.Default.SessionsPage, cancellationToken);
    }

    public Task DeleteUserSessionsAsync(string userId, CancellationToken cancellationToken = default) =>
        _connection.SendAsync(HttpMethod.Delete, ManagementConnection.UserPath(userId) + "/sessions", null, cancellationToken);

    public Task RevokeSessionAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(sessionId);
        return _connection.SendAsync(HttpMethod.Post, "sessions/" + Uri.EscapeDataString(sessionId) + "/revoke", null, cancellationToken);
    }
}
