using System.Globalization;
using Profiles.Core.Management.Models;

namespace Profiles.Core.Management;

/// <summary>Typed client for refresh tokens.</summary>
public sealed class RefreshTokensClient(HttpClientSource http, TimeProvider timeProvider) : IRefreshTokensClient
{
    private readonly ManagementConnection _connection = new(http, timeProvider);

    public RefreshTokensClient(HttpClient httpClient, TimeProvider timeProvider)
        : this(new HttpClientSource(httpClient), timeProvider)
    {
    }

    public Task<RefreshTokensPage> GetUserRefreshTokensAsync(string userId, int take = 50, string? from = null, CancellationToken cancellationToken = default)
    {
        var path = ManagementConnection.UserPath(userId) + "/refresh-tokens?take=" + Math.Clamp(take, 1, 100).ToString(CultureInfo.InvariantCulture);
        if (!string.IsNullOrEmpty(from))
        {
            path += "&from=" + Uri.EscapeDataString(from);
        }

        return _connection.SendAsync(HttpMethod.Get, path, null, ApplicationsJsonContext.Default.RefreshTokensPage, cancellationToken);
    }

    public Task DeleteAsync(string refreshTokenId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(refreshTokenId);
        return _connection.SendAsync(HttpMethod.Delete, "refresh-tokens/" + Uri.EscapeDataString(refreshTokenId), null, cancellationToken);
    }
}
