using Profiles.Core.Management.Models;

namespace Profiles.Core.Management;

/// <summary>Typed client for <c>/grants</c>.</summary>
public sealed class GrantsClient(HttpClientSource http, TimeProvider timeProvider) : IGrantsClient
{
    private readonly ManagementConnection _connection = new(http, timeProvider);

    public GrantsClient(HttpClient httpClient, TimeProvider timeProvider)
        : this(new HttpClientSource(httpClient), timeProvider)
    {
    }

    public async Task<IReadOnlyList<Grant>> GetAllAsync(string userId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        return await _connection.SendAsync(HttpMethod.Get, "grants?user_id=" + Uri.EscapeDataString(userId), null,
            ManagementJsonContext.Default.ListGrant, cancellationToken);
    }

    public Task DeleteAsync(string grantId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(grantId);
        return _connection.SendAsync(HttpMethod.Delete, "grants/" + Uri.EscapeDataString(grantId), null, cancellationToken);
    }

    public Task DeleteAllAsync(string userId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        return _connection.SendAsync(HttpMethod.Delete, "grants?user_id=" + Uri.EscapeDataString(userId), null, cancellationToken);
    }
}
