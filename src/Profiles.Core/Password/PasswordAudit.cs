using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Profiles.Core.Activity;
using Profiles.Core.Logging;
using Profiles.Core.Settings;
using Profiles.Core.Telemetry;

namespace Profiles.Core.Password;

/// <summary>What the password journey leaves behind: the security event, the journey metric and the log line, kept out of
/// the journey's rules so both steps record the same way.</summary>
public sealed partial class PasswordAudit(ISecurityEventLog events, JourneyMetrics journeys, IOptions<ManagementApiOptions> managementOptions,
    ILogger<PasswordAudit> logger)
{
    private readonly UserLogKey _logKey = new(managementOptions.Value.ClientSecret);

    public async Task ResetLinkSentAsync(string userId, string connection, CancellationToken cancellationToken)
    {
        await events.RecordAsync(userId, SecurityActions.PasswordResetRequested, SecurityOutcomes.Succeeded, connection, cancellationToken);
        LogResetSent(logger, _logKey.For(userId));
    }

    public Task ResetLinkRefusedAsync(string userId, string outcome, string? code, CancellationToken cancellationToken) =>
        events.RecordAsync(userId, SecurityActions.PasswordResetRequested, outcome, code, cancellationToken);

    public void ResetLinkFailed(string userId, int status, string? errorCode) => LogResetFailed(logger, _logKey.For(userId), status, errorCode);

    public async Task ChangedAsync(string userId, string connection, CancellationToken cancellationToken)
    {
        await events.RecordAsync(userId, SecurityActions.PasswordChanged, SecurityOutcomes.Succeeded, connection, cancellationToken);
        LogChanged(logger, _logKey.For(userId));
        journeys.Record(JourneyNames.Password, JourneyOutcomes.PasswordChanged);
    }

    public async Task ChangeRefusedAsync(string userId, string outcome, string? code, CancellationToken cancellationToken)
    {
        await events.RecordAsync(userId, SecurityActions.PasswordChanged, outcome, code, cancellationToken);
        journeys.Record(JourneyNames.Password, outcome);
    }

    public void ChangeFailed(string userId, int status, string? reason) => LogChangeFailed(logger, _logKey.For(userId), status, reason);

    [LoggerMessage(EventId = 4201, Level = LogLevel.Information, Message = "Password reset link requested for {UserKey}")]
    private static partial void LogResetSent(ILogger logger, string userKey);

    [LoggerMessage(EventId = 4202, Level = LogLevel.Warning, Message = "Password reset link for {UserKey} failed with {Status} ({ErrorCode})")]
    private static partial void LogResetFailed(ILogger logger, string userKey, int status, string? errorCode);

    [LoggerMessage(EventId = 4203, Level = LogLevel.Information, Message = "Password of {UserKey} changed")]
    private static partial void LogChanged(ILogger logger, string userKey);

    [LoggerMessage(EventId = 4204, Level = LogLevel.Information, Message = "Password change of {UserKey} refused with {Status} ({Reason})")]
    private static partial void LogChangeFailed(ILogger logger, string userKey, int status, string? reason);
}
