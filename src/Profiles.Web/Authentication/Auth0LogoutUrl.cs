namespace Profiles.Web.Authentication;

/// <summary>Builds Auth0's <c>/v2/logout</c> URL the way the Auth0 SDK does (client_id, then an escaped returnTo).</summary>
public static class Auth0LogoutUrl
{
    public static string Build(string authority, string clientId, string returnTo) =>
        $"{authority}/v2/logout?client_id={Uri.EscapeDataString(clientId)}&returnTo={Uri.EscapeDataString(returnTo)}";
}
