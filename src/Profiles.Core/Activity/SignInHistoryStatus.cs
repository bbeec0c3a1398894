namespace Profiles.Core.Activity;

/// <summary>Whether the Auth0 sign-in history could be shown.</summary>
public enum SignInHistoryStatus
{
    /// <summary>Read from Auth0.</summary>
    Shown,

    /// <summary>The operator switched it off.</summary>
    Disabled,

    /// <summary>Auth0 refused: the portal lacks the <c>read:logs_users</c> scope (403).</summary>
    NotPermitted,

    /// <summary>Auth0 is busy or unreachable now.</summary>
    Unavailable,
}
