using Microsoft.Extensions.Logging;
using Profiles.Core.Activity;
using Profiles.Core.Telemetry;

namespace Profiles.Core.Data;

/// <summary>What a deletion request or cancel leaves behind: the user's security event, the journey metric and the log line
/// (by request id, never a user id).</summary>
public sealed partial class DeletionAudit(ISecurityEventLog securityEvents, JourneyMetrics journeys, ILogger<DeletionAudit> logger)
{
    public Task RequestRecordedAsync(string userId, string outcome, string detail, CancellationToken cancellationToken) =>
        securityEvents.RecordAsync(userId, SecurityActions.DeletionRequested, outcome, detail, cancellationToken);

    public void Scheduled(Guid requestId, int gracePeriodDays)
    {
        LogScheduled(logger, requestId, gracePeriodDays);
        journeys.Record(JourneyNames.Data, JourneyOutcomes.DeletionScheduled);
    }

    public async Task CancelledAsync(string userId, Guid requestId, CancellationToken cancellationToken)
    {
        await securityEvents.RecordAsync(userId, SecurityActions.DeletionCancelled, SecurityOutcomes.Succeeded, null, cancellationToken);
        LogCancelled(logger, requestId);
        journeys.Record(JourneyNames.Data, JourneyOutcomes.DeletionCancelled);
    }

    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Deletion request {RequestId} scheduled after {GraceDays} days")]
    private static partial void LogScheduled(ILogger logger, Guid requestId, int graceDays);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "Deletion request {RequestId} cancelled")]
    private static partial void LogCancelled(ILogger logger, Guid requestId);
}
