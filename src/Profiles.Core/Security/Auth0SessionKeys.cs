namespace Profiles.Core.Security;

/// <summary>
/// Portal sessions are ended one by one by id (<see cref="IPortalSessionRevocations.EndSessionAsync"/>). Signing out another
/// device knows only that device's Auth0 session id (the ID token's <c>sid</c>), so it ends the key this class makes from it,
/// and every request also checks its own <c>sid</c>'s key: the prefix keeps the two kinds of id apart in one table.
/// </summary>
public static class Auth0SessionKeys
{
    private const string Prefix = "auth0:";

    public static string For(string auth0SessionId)
    {
        ArgumentException.ThrowIfNullOrEmpty(auth0SessionId);
        return Prefix + auth0SessionId;
    }

    /// <summary>The Auth0 session id a key made by <see cref="For"/> holds; null for a portal session id.</summary>
    public static string? Auth0SessionIdOf(string sessionKey) =>
        sessionKey.StartsWith(Prefix, StringComparison.Ordinal) ? sessionKey[Prefix.Length..] : null;
}
