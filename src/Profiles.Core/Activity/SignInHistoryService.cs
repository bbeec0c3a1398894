using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Profiles.Core.Applications;
using Profiles.Core.Logging;
using Profiles.Core.Management;
using Profiles.Core.Management.Models;
using Profiles.Core.Settings;

namespace Profiles.Core.Activity;

/// <summary>Turns the user's Auth0 log events into sign-in history: known event codes only, failed sign-ins in a row from the
/// same IP address grouped into one line.</summary>
public sealed partial class SignInHistoryService : ISignInHistoryService
{
    private readonly IUserLogsClient _logs;
    private readonly ApplicationsOptions _options;
    private readonly UserLogKey _logKey;
    private readonly ILogger<SignInHistoryService> _logger;

    public SignInHistoryService(IUserLogsClient logs, IOptions<ApplicationsOptions> options, IOptions<ManagementApiOptions> managementOptions,
        ILogger<SignInHistoryService> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(managementOptions);
        _logs = logs;
        _options = options.Value;
        _logKey = new UserLogKey(managementOptions.Value.ClientSecret);
        _logger = logger;
    }

    public async Task<SignInHistory> GetAsync(string userId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        if (!_options.SignInHistoryEnabled)
        {
            return new SignInHistory(SignInHistoryStatus.Disabled, []);
        }

        IReadOnlyList<LogEvent> events;
        try
        {
            events = await _logs.GetUserLogsAsync(userId, _options.SignInHistoryEvents, cancellationToken);
        }
        catch (ManagementApiException ex)
        {
            LogHistoryUnavailable(_logger, _logKey.For(userId), (int)ex.StatusCode, ex.ErrorCode);
            return new SignInHistory(ex.StatusCode == HttpStatusCode.Forbidden ? SignInHistoryStatus.NotPermitted : SignInHistoryStatus.Unavailable, []);
        }

        return new SignInHistory(SignInHistoryStatus.Shown, Group(events));
    }

    /// <summary>Newest first; consecutive failed sign-ins from one IP address become one entry with their count.</summary>
    public static IReadOnlyList<SignInHistoryEntry> Group(IEnumerable<LogEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var entries = new List<SignInHistoryEntry>();
        foreach (var e in events.Where(e => e.Date is not null).OrderByDescending(e => e.Date))
        {
            if (SignInEventKinds.Of(e.Type) is not { } kind)
            {
                continue;
            }

            if (kind == SignInEventKinds.SignInFailed && entries.Count > 0 && entries[^1] is { Kind: SignInEventKinds.SignInFailed } previous
                && string.Equals(previous.Ip, e.Ip, StringComparison.Ordinal))
            {
                entries[^1] = previous with { Count = previous.Count + 1 };
                continue;
            }

            entries.Add(new SignInHistoryEntry(kind, SignInEventKinds.OutcomeOf(kind), e.Date!.Value, e.Ip, e.UserAgent, e.ClientName, 1));
        }

        return entries;
    }

    [LoggerMessage(EventId = 4807, Level = LogLevel.Information, Message = "Sign-in history of {UserKey} not read: {Status} ({ErrorCode})")]
    private static partial void LogHistoryUnavailable(ILogger logger, string userKey, int status, string? errorCode);
}
