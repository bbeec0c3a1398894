using Profiles.Core.Management.Models;

namespace Profiles.Core.Management;

/// <summary>Typed client for a user's second factors, recovery code, remembered browsers and Guardian enrolment tickets.</summary>
public sealed class AuthenticationMethodsClient(HttpClientSource http, TimeProvider timeProvider) : IAuthenticationMethodsClient
{
    /// <summary>Auth0's largest page; nobody has more methods than this.</summary>
    private const string FirstPage = "?per_page=100";

    private readonly ManagementConnection _connection = new(http, timeProvider);

    public AuthenticationMethodsClient(HttpClient httpClient, TimeProvider timeProvider)
        : this(new HttpClientSource(httpClient), timeProvider)
    {
    }

    public async Task<IReadOnlyList<AuthenticationMethod>> GetAsync(string userId, CancellationToken cancellationToken = default) =>
        await _connection.SendAsync(HttpMethod.Get, MethodsPath(userId) + FirstPage, null, ManagementJsonContext.Default.ListAuthenticationMethod, cancellationToken);

    public Task RenameAsync(string userId, string methodId, string name, CancellationToken cancellationToken = default)
    {
        var content = ManagementConnection.Json(new AuthenticationMethodNameUpdate(name), ManagementJsonContext.Default.AuthenticationMethodNameUpdate);
        return _connection.SendAsync(HttpMethod.Patch, MethodPath(userId, methodId), content, cancellationToken);
    }

    public Task DeleteAsync(string userId, string methodId, CancellationToken cancellationToken = default) =>
        _connection.SendAsync(HttpMethod.Delete, MethodPath(userId, methodId), null, cancellationToken);

    public Task<RecoveryCodeRegeneration> RegenerateRecoveryCodeAsync(string userId, CancellationToken cancellationToken = default) =>
        // Not repeated: a second regeneration would replace the code the first one returned.
        _connection.SendAsync(HttpMethod.Post, ManagementConnection.UserPath(userId) + "/recovery-code-regeneration", null,
            ManagementJsonContext.Default.RecoveryCodeRegeneration, cancellationToken, safeToRepeat: false);

    public Task InvalidateRememberedBrowsersAsync(string userId, CancellationToken cancellationToken = default) =>
        _connection.SendAsync(HttpMethod.Post, ManagementConnection.UserPath(userId) + "/multifactor/actions/invalidate-remember-browser", null, cancellationToken);

    public Task<EnrollmentTicket> CreateEnrollmentTicketAsync(EnrollmentTicketRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var content = ManagementConnection.Json(request, ManagementJsonContext.Default.EnrollmentTicketRequest);
        return _connection.SendAsync(HttpMethod.Post, "guardian/enrollments/ticket", content, ManagementJsonContext.Default.EnrollmentTicket,
            cancellationToken, safeToRepeat: false);
    }

    private static string MethodsPath(string userId) => ManagementConnection.UserPath(userId) + "/authentication-methods";

    private static string MethodPath(string userId, string methodId)
    {
        ArgumentException.ThrowIfNullOrEmpty(methodId);
        return MethodsPath(userId) + "/" + Uri.EscapeDataString(methodId);
    }
}
