using Profiles.Core.Management.Models;

namespace Profiles.Core.Management;

/// <summary>Typed client for <c>/users</c>; the <see cref="HttpClient"/> carries the base address, token and resilience handlers.</summary>
public sealed class UsersClient(HttpClientSource http, TimeProvider timeProvider) : IUsersClient
{
    private readonly ManagementConnection _connection = new(http, timeProvider);

    public UsersClient(HttpClient httpClient, TimeProvider timeProvider)
        : this(new HttpClientSource(httpClient), timeProvider)
    {
    }

    public Task<Auth0User> GetAsync(string id, string? fields = null, CancellationToken cancellationToken = default)
    {
        var path = ManagementConnection.UserPath(id);
        if (!string.IsNullOrWhiteSpace(fields))
        {
            path += "?fields=" + Uri.EscapeDataString(fields) + "&include_fields=true";
        }

        return _connection.SendAsync(HttpMethod.Get, path, null, ManagementJsonContext.Default.Auth0User, cancellationToken);
    }

    public Task<Auth0User> UpdateAsync(string id, UserUpdateRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var content = ManagementConnection.Json(request, ManagementJsonContext.Default.UserUpdateRequest);
        // A repeated password change trips password history, and a repeated verify_email sends a second email.
        var safeToRepeat = request.Password is null && request.VerifyEmail != true;
        return _connection.SendAsync(HttpMethod.Patch, ManagementConnection.UserPath(id), content, ManagementJsonContext.Default.Auth0User, cancellationToken, safeToRepeat);
    }

    public Task DeleteAsync(string id, CancellationToken cancellationToken = default) =>
        _connection.SendAsync(HttpMethod.Delete, ManagementConnection.UserPath(id), null, cancellationToken);

    public async Task<IReadOnlyList<Auth0User>> GetUsersByEmailAsync(string email, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        return await _connection.SendAsync(HttpMethod.Get, "users-by-email?email=" + Uri.EscapeDataString(email), null,
            ManagementJsonContext.Default.ListAuth0User, cancellationToken);
    }

    public async Task<IReadOnlyList<Auth0Identity>> LinkAccountAsync(string primaryId, string provider, string userId, string? connectionId = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(provider);
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        var body = new LinkAccountRequest { Provider = provider, UserId = userId, ConnectionId = connectionId };
        var content = ManagementConnection.Json(body, ManagementJsonContext.Default.LinkAccountRequest);
        return await _connection.SendAsync(HttpMethod.Post, ManagementConnection.UserPath(primaryId) + "/identities", content,
            ManagementJsonContext.Default.ListAuth0Identity, cancellationToken);
    }

    public async Task<IReadOnlyList<Auth0Identity>> UnlinkAccountAsync(string primaryId, string provider, string secondaryUserId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(provider);
        ArgumentException.ThrowIfNullOrWhiteSpace(secondaryUserId);
        var path = ManagementConnection.UserPath(primaryId) + "/identities/" + Uri.EscapeDataString(provider) + "/" + Uri.EscapeDataString(secondaryUserId);
        return await _connection.SendAsync(HttpMethod.Delete, path, null, ManagementJsonContext.Default.ListAuth0Identity, cancellationToken);
    }
}
