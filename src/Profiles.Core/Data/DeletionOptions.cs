using System.ComponentModel.DataAnnotations;

namespace Profiles.Core.Data;

/// <summary>Account deletion settings, section <c>Profiles:Deletion</c>.</summary>
public sealed class DeletionOptions
{
    public const string SectionName = "Profiles:Deletion";

    /// <summary>Days between the request and the deletion, during which the user can cancel; 0 deletes at once.</summary>
    [Range(0, 90)]
    public int GracePeriodDays { get; set; } = 7;

    /// <summary>Attempts before a request is marked failed and left for an operator.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 8;

    /// <summary>Wait after the first failed attempt; doubles with each further failure (capped at a day).</summary>
    [Range(1, 86_400)]
    public int RetryBaseSeconds { get; set; } = 60;

    /// <summary>How often the background worker looks for due requests.</summary>
    [Range(1, 86_400)]
    public int PollSeconds { get; set; } = 60;

    /// <summary>How long a claim holds: a request left in progress longer than this (a crashed worker) is claimed again.</summary>
    [Range(1, 1_440)]
    public int ClaimTimeoutMinutes { get; set; } = 10;

    /// <summary>Whether to end the user's Auth0 sessions (<c>DELETE /users/{id}/sessions</c>, Enterprise plans) before deleting.</summary>
    public bool EndAuth0Sessions { get; set; } = true;

    /// <summary>How long the pseudonymous key of a deleted or cancelled request is kept, so that portal sessions begun before
    /// the deletion stay refused until they would have expired anyway (the portal's absolute session lifetime).</summary>
    [Range(1, 24 * 30)]
    public int SessionRecordHours { get; set; } = 12;

    /// <summary>Runs the background worker; turn off on instances that should only serve pages (or in tests).</summary>
    public bool WorkerEnabled { get; set; } = true;
}
