using Microsoft.AspNetCore.Authentication;

namespace Profiles.Web.Authentication;

/// <summary>Whether the signed-in user authenticated recently enough for a sensitive action, checked on the server from the
/// <c>auth_time</c> of the ID token that created the session.</summary>
public interface IRecentSignIn
{
    TimeSpan Window { get; }

    /// <summary>When the user last typed their credentials at Auth0; null if unknown.</summary>
    DateTimeOffset? AuthenticatedAt { get; }

    /// <summary>True when <see cref="AuthenticatedAt"/> is within <see cref="Window"/> of now.</summary>
    bool IsRecent { get; }

    /// <summary>How long the current sign-in stays recent (zero when it is not).</summary>
    TimeSpan Remaining { get; }

    /// <summary>A challenge that makes Auth0 ask for the credentials again (<c>max_age=0</c>, <c>prompt=login</c>) for the same
    /// user, then returns to <paramref name="returnUrl"/> (a local URL). The login page gets the user's email as
    /// <c>login_hint</c> and <paramref name="reason"/> (already localised) as <c>ext-reason</c> to show why it asks.</summary>
    AuthenticationProperties CreateChallenge(string returnUrl, string? reason = null);
}
