using System.Net;
using System.Text.Json;

namespace Profiles.TestServices;

/// <summary>
/// Another application of the seeded local tenant (<c>curl-walkthrough</c>), for tests that need what the portal never asks
/// for: a refresh token (authorization code with <c>offline_access</c>) and its use at the tenant's token endpoint.
/// </summary>
public static class OtherApplication
{
    public const string ClientId = "curl-walkthrough";
    public const string ClientSecret = "local-tenant-development-only-secret";
    public const string Callback = "http://127.0.0.1:8080/callback";

    /// <summary>The tenant's <c>/authorize</c> for this application with <c>offline_access</c>.</summary>
    public static Uri AuthorizeUrl(string tenantBaseUrl) =>
        new($"{tenantBaseUrl}/authorize?response_type=code&client_id={ClientId}&redirect_uri={Uri.EscapeDataString(Callback)}" +
            "&scope=openid%20profile%20offline_access&state=other-app");

    /// <summary>Exchanges an authorization code (from the redirect to <see cref="Callback"/>) for the refresh token.</summary>
    public static async Task<string> ExchangeCodeAsync(string tenantBaseUrl, string code)
    {
        using var http = new HttpClient();
        using var response = await http.PostAsync(new Uri(tenantBaseUrl + "/oauth/token"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = ClientId,
            ["client_secret"] = ClientSecret,
            ["code"] = code,
            ["redirect_uri"] = Callback,
        }));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("refresh_token").GetString()!;
    }

    /// <summary>Uses <paramref name="refreshToken"/>: the status, and the OAuth error when refused (null when tokens were issued).</summary>
    public static async Task<(HttpStatusCode Status, string? Error)> RefreshAsync(string tenantBaseUrl, string refreshToken)
    {
        using var http = new HttpClient();
        using var response = await http.PostAsync(new Uri(tenantBaseUrl + "/oauth/token"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = ClientId,
            ["client_secret"] = ClientSecret,
            ["refresh_token"] = refreshToken,
        }));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, body.RootElement.TryGetProperty("error", out var error) ? error.GetString() : null);
    }
}
