using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Profiles.Core.Activity;
using Profiles.Core.Logging;
using Profiles.Core.Mail;
using Profiles.Core.Management;
using Profiles.Core.Profiles;
using Profiles.Core.Security;
using Profiles.Core.Settings;

namespace Profiles.Core.Password;

/// <summary>What follows a password change: the user's other portal sessions end, their Auth0 sessions too when configured,
/// and their verified address gets a notice. None of it turns the change into a failure.</summary>
public sealed partial class PasswordChangeFollowUp
{
    private readonly ISessionsClient _sessions;
    private readonly IPortalSessionRevocations _revocations;
    private readonly ISecurityEventLog _events;
    private readonly IEmailSender _email;
    private readonly IPasswordChangedNotice _notice;
    private readonly PasswordOptions _options;
    private readonly UserLogKey _logKey;
    private readonly ILogger<PasswordChangeFollowUp> _logger;

    public PasswordChangeFollowUp(ISessionsClient sessions, IPortalSessionRevocations revocations, ISecurityEventLog events, IEmailSender email,
        IPasswordChangedNotice notice, IOptions<PasswordOptions> options, IOptions<ManagementApiOptions> managementOptions,
        ILogger<PasswordChangeFollowUp> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(managementOptions);
        _sessions = sessions;
        _revocations = revocations;
        _events = events;
        _email = email;
        _notice = notice;
        _options = options.Value;
        _logKey = new UserLogKey(managementOptions.Value.ClientSecret);
        _logger = logger;
    }

    /// <summary>Ends the sessions (keeping <paramref name="keepSessionId"/>, the one that made the change), records that, and
    /// notifies the user.</summary>
    public async Task RunAsync(string userId, string? keepSessionId, UserProfile profile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profile);
        await _revocations.RevokeAsync(userId, keepSessionId, cancellationToken);
        var auth0Ended = _options.EndAuth0Sessions && await EndAuth0SessionsAsync(userId, cancellationToken);
        await _events.RecordAsync(userId, SecurityActions.SessionsEnded,
            _options.EndAuth0Sessions && !auth0Ended ? SecurityOutcomes.Failed : SecurityOutcomes.Succeeded,
            auth0Ended ? "portal+auth0" : "portal", cancellationToken);

        await NotifyAsync(userId, profile, cancellationToken);
    }

    /// <summary>Ends the user's Auth0 sessions; false when Auth0 refused or failed.</summary>
    private async Task<bool> EndAuth0SessionsAsync(string userId, CancellationToken cancellationToken)
    {
        try
        {
            await _sessions.DeleteUserSessionsAsync(userId, cancellationToken);
            return true;
        }
        catch (ManagementApiException ex)
        {
            // The password is changed either way (and Auth0 expires sessions on a reset); session endpoints need an Enterprise
            // plan and the delete:sessions scope, so a refusal here must not turn the change into a failure. The event records
            // that only the portal's sessions ended.
            LogSessionsNotEnded(_logger, _logKey.For(userId), (int)ex.StatusCode, ex.ErrorCode);
            return false;
        }
    }

    private async Task NotifyAsync(string userId, UserProfile profile, CancellationToken cancellationToken)
    {
        if (!profile.EmailVerified || string.IsNullOrWhiteSpace(profile.Email))
        {
            // An unverified address may belong to someone else: no security notice goes there.
            LogNoticeSkipped(_logger, _logKey.For(userId));
            return;
        }

        try
        {
            await _email.SendAsync(_notice.Compose(profile, profile.Email), cancellationToken);
        }
        catch (Exception ex) when (EmailSendFailure.Is(ex, cancellationToken))
        {
            LogNoticeFailed(_logger, _logKey.For(userId), ex.GetType().Name);
        }
    }

    [LoggerMessage(EventId = 4205, Level = LogLevel.Warning, Message = "Auth0 sessions of {UserKey} not ended after a password change: {Status} ({ErrorCode})")]
    private static partial void LogSessionsNotEnded(ILogger logger, string userKey, int status, string? errorCode);

    [LoggerMessage(EventId = 4206, Level = LogLevel.Information, Message = "Password change notice for {UserKey} not sent: the address is not verified")]
    private static partial void LogNoticeSkipped(ILogger logger, string userKey);

    [LoggerMessage(EventId = 4207, Level = LogLevel.Warning, Message = "Password change notice for {UserKey} could not be sent ({Failure})")]
    private static partial void LogNoticeFailed(ILogger logger, string userKey, string failure);
}
