namespace Profiles.Web.Authentication;

/// <summary>The one place that reads who is signed in. The user id comes only from the principal's <c>sub</c> claim.</summary>
public interface ICurrentUser
{
    bool IsAuthenticated { get; }

    /// <summary>The signed-in user's Auth0 id; throws when nobody is signed in (pages that use it require sign-in).</summary>
    string UserId { get; }

    /// <summary>The display name from the ID token, if any.</summary>
    string? DisplayName { get; }

    /// <summary>The portal's id for the current cookie session (to keep it when the user's other sessions are ended).</summary>
    string? PortalSessionId { get; }

    /// <summary>The Auth0 session id (the ID token's <c>sid</c>): which of the user's Auth0 sessions is this browser's.</summary>
    string? Auth0SessionId { get; }
}
