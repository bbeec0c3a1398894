using Microsoft.Extensions.Logging;
using Profiles.Core.Activity;
using Profiles.Core.Telemetry;

namespace Profiles.Core.Email;

/// <summary>What an email change leaves behind: the user's security events, the journey metric and the log lines (under the
/// pseudonymous key, never an address).</summary>
public sealed partial class EmailChangeAudit(ISecurityEventLog securityEvents, JourneyMetrics journeys, TimeProvider timeProvider,
    ILogger<EmailChangeAudit> logger)
{
    public Task RequestEndedAsync(string userId, string outcome, string? detail, CancellationToken cancellationToken) =>
        securityEvents.RecordAsync(userId, SecurityActions.EmailChangeRequested, outcome, detail, cancellationToken);

    public async Task CodeSentAsync(string userId, string userKey, CancellationToken cancellationToken)
    {
        LogCodeSent(logger, userKey);
        await securityEvents.RecordAsync(userId, SecurityActions.EmailChangeRequested, SecurityOutcomes.Succeeded, null, cancellationToken);
    }

    /// <summary>When the user has had <paramref name="maxPerDay"/> codes in the last 24 hours (counted from their own security
    /// events): how long until the oldest of them leaves the window; otherwise null.</summary>
    public async Task<TimeSpan?> DailyCapWaitAsync(string userId, int maxPerDay, CancellationToken cancellationToken)
    {
        var since = timeProvider.GetUtcNow() - TimeSpan.FromDays(1);
        var sent = (await securityEvents.ListRecentAsync(userId, 500, cancellationToken))
            .Where(e => e.Action == SecurityActions.EmailChangeRequested && e.Outcome == SecurityOutcomes.Succeeded && e.OccurredAt > since)
            .Select(e => e.OccurredAt)
            .ToList();
        return sent.Count < maxPerDay ? null : sent.Min() - since;
    }

    public async Task ChangeRefusedAsync(string userId, string detail, CancellationToken cancellationToken)
    {
        await securityEvents.RecordAsync(userId, SecurityActions.EmailChanged, SecurityOutcomes.Refused, detail, cancellationToken);
        journeys.Record(JourneyNames.Email, JourneyOutcomes.Refused);
    }

    /// <summary>Auth0 refused the address (400); the refusal itself is recorded by <see cref="ChangeRefusedAsync"/>.</summary>
    public void ChangeRejected(string userKey, int status, string? errorCode) => LogChangeFailed(logger, userKey, status, errorCode);

    /// <summary>The write was not stored, or not known to be.</summary>
    public async Task ChangeFailedAsync(string userId, string userKey, int status, string? errorCode, CancellationToken cancellationToken)
    {
        LogChangeFailed(logger, userKey, status, errorCode);
        await securityEvents.RecordAsync(userId, SecurityActions.EmailChanged, SecurityOutcomes.Failed, "unavailable", cancellationToken);
        journeys.Record(JourneyNames.Email, JourneyOutcomes.Failed);
    }

    public async Task ChangedAsync(string userId, string userKey, CancellationToken cancellationToken)
    {
        await securityEvents.RecordAsync(userId, SecurityActions.EmailChanged, SecurityOutcomes.Succeeded, null, cancellationToken);
        LogChanged(logger, userKey);
        journeys.Record(JourneyNames.Email, JourneyOutcomes.EmailChanged);
    }

    public Task CancelledAsync(string userId, CancellationToken cancellationToken) =>
        securityEvents.RecordAsync(userId, SecurityActions.EmailChangeCancelled, SecurityOutcomes.Succeeded, null, cancellationToken);

    [LoggerMessage(EventId = 1401, Level = LogLevel.Information, Message = "Email change code sent for {UserKey}")]
    private static partial void LogCodeSent(ILogger logger, string userKey);

    [LoggerMessage(EventId = 1403, Level = LogLevel.Information, Message = "Email of {UserKey} changed after code confirmation")]
    private static partial void LogChanged(ILogger logger, string userKey);

    [LoggerMessage(EventId = 1404, Level = LogLevel.Warning, Message = "Email change of {UserKey} failed at Auth0 with {Status} ({ErrorCode})")]
    private static partial void LogChangeFailed(ILogger logger, string userKey, int status, string? errorCode);
}
