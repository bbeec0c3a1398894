namespace Profiles.Web.Authentication;

/// <summary>The two ways to end the Auth0 session: Auth0's own <c>/v2/logout</c> (every tenant; the Auth0 SDK's choice) and
/// the OIDC <c>end_session_endpoint</c> (<c>/oidc/logout</c>, on tenants whose discovery document advertises it).</summary>
public static class Auth0LogoutUrl
{
    /// <summary><c>{authority}/v2/logout?client_id=…&amp;returnTo=…</c>, as the Auth0 SDK builds it.</summary>
    public static string Build(string authority, string clientId, string returnTo) =>
        $"{authority}/v2/logout?client_id={Uri.EscapeDataString(clientId)}&returnTo={Uri.EscapeDataString(returnTo)}";

    /// <summary>RP-initiated logout without an <c>id_token_hint</c> (the portal keeps no ID token): <c>client_id</c> names the
    /// application whose Allowed Logout URLs hold <paramref name="returnTo"/>; <c>logout_hint</c> (the Auth0 session id) lets
    /// Auth0 end that session without asking the user to confirm.</summary>
    public static string BuildEndSession(string endSessionEndpoint, string clientId, string returnTo, string? sessionId)
    {
        ArgumentNullException.ThrowIfNull(endSessionEndpoint);
        var url = $"{endSessionEndpoint}{(endSessionEndpoint.Contains('?', StringComparison.Ordinal) ? '&' : '?')}client_id={Uri.EscapeDataString(clientId)}" +
                  $"&post_logout_redirect_uri={Uri.EscapeDataString(returnTo)}";
        return string.IsNullOrEmpty(sessionId) ? url : url + $"&logout_hint={Uri.EscapeDataString(sessionId)}";
    }
}
