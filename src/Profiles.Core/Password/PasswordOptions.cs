namespace Profiles.Core.Password;

/// <summary>Settings of the password journey (<c>Profiles:Password</c>).</summary>
public sealed class PasswordOptions
{
    public const string SectionName = "Profiles:Password";

    /// <summary>Seconds between two reset links for one user. Auth0 allows one per minute per email (and IP), so less than 60
    /// would only turn the portal's clear countdown into Auth0's 429.</summary>
    public int ResetLinkCooldownSeconds { get; set; } = 60;

    /// <summary>After a password change, also end the user's Auth0 sessions (<c>DELETE /users/{id}/sessions</c>, scope
    /// <c>delete:sessions</c>), so a stolen single sign-on session cannot sign in to other applications without the new password.</summary>
    public bool EndAuth0Sessions { get; set; } = true;

    /// <summary>The database connection's strength level as configured in Auth0 (<c>none</c>, <c>low</c>, <c>fair</c>,
    /// <c>good</c>, <c>excellent</c>). Only used to explain a refusal in words: Auth0 alone decides what it accepts.</summary>
    public string PolicyStrength { get; set; } = PasswordPolicy.Good;

    /// <summary>The connection's minimum length, if set higher than its strength level implies.</summary>
    public int PolicyMinLength { get; set; } = 8;
}
