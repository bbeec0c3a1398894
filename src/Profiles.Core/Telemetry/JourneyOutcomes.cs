using Profiles.Core.Activity;

namespace Profiles.Core.Telemetry;

/// <summary>The <c>outcome</c> tag of <see cref="JourneyMetrics.OutcomesName"/>. Failures reuse the security-event outcomes, so the
/// counter and the activity page tell the same story.</summary>
public static class JourneyOutcomes
{
    public const string PasswordChanged = "password_changed";
    public const string EmailChanged = "email_changed";
    public const string Linked = "linked";
    public const string Unlinked = "unlinked";
    public const string Exported = "exported";
    public const string DeletionScheduled = "deletion_scheduled";
    public const string DeletionCancelled = "deletion_cancelled";
    public const string DeletionDone = "deletion_done";

    /// <summary>The portal's rules or Auth0 said no (wrong code, weak password, last sign-in method...).</summary>
    public const string Refused = SecurityOutcomes.Refused;

    /// <summary>A cooldown or Auth0's rate limit: the user is told when to try again.</summary>
    public const string Throttled = SecurityOutcomes.Throttled;

    /// <summary>Auth0 could not be reached or answered with an error; nothing changed (a deletion is retried later).</summary>
    public const string Failed = SecurityOutcomes.Failed;

    /// <summary>A deletion failed more often than <c>MaxAttempts</c> and now waits for an operator.</summary>
    public const string DeletionGaveUp = "deletion_gave_up";
}
