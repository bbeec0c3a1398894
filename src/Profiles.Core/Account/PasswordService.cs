using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Profiles.Core.Authentication;
using Profiles.Core.Email;
using Profiles.Core.Logging;
using Profiles.Core.Management;
using Profiles.Core.Management.Models;
using Profiles.Core.Profiles;
using Profiles.Core.Security;
using Profiles.Core.Settings;

namespace Profiles.Core.Account;

/// <summary>Password rules: which identity has the password, the reset-link cooldown, the change and what follows it.</summary>
public sealed partial class PasswordService : IPasswordService
{
    /// <summary>The cooldown's name in <c>action_cooldowns</c>.</summary>
    public const string ResetLinkAction = "password_reset_link";

    private const string DatabaseProvider = "auth0";

    private readonly IProfileService _profiles;
    private readonly IUsersClient _users;
    private readonly ISessionsClient _sessions;
    private readonly IAuthenticationApiClient _authentication;
    private readonly IActionThrottle _throttle;
    private readonly ISecurityEventLog _events;
    private readonly IPortalSessionRevocations _revocations;
    private readonly IEmailSender _email;
    private readonly IPasswordChangedNotice _notice;
    private readonly PasswordOptions _options;
    private readonly UserLogKey _logKey;
    private readonly ILogger<PasswordService> _logger;

    public PasswordService(IProfileService profiles, IUsersClient users, ISessionsClient sessions, IAuthenticationApiClient authentication,
        IActionThrottle throttle, ISecurityEventLog events, IPortalSessionRevocations revocations, IEmailSender email, IPasswordChangedNotice notice,
        IOptions<PasswordOptions> options, IOptions<ManagementApiOptions> managementOptions, ILogger<PasswordService> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(managementOptions);
        _profiles = profiles;
        _users = users;
        _sessions = sessions;
        _authentication = authentication;
        _throttle = throttle;
        _events = events;
        _revocations = revocations;
        _email = email;
        _notice = notice;
        _options = options.Value;
        _logKey = new UserLogKey(managementOptions.Value.ClientSecret);
        _logger = logger;
    }

    private TimeSpan ResetLinkCooldown => TimeSpan.FromSeconds(Math.Max(1, _options.ResetLinkCooldownSeconds));

    public async Task<PasswordAccount> GetAccountAsync(string userId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        var profile = await _profiles.GetProfileAsync(userId, cancellationToken);
        var identity = DatabaseIdentity(profile);
        var hasDatabase = identity is not null;
        var wait = hasDatabase ? await _throttle.RemainingAsync(userId, ResetLinkAction, cancellationToken) : TimeSpan.Zero;
        var providers = profile.Identities.Select(i => i.Connection).Distinct(StringComparer.Ordinal).ToList();
        return new PasswordAccount(hasDatabase, wait, identity?.Email, providers);
    }

    public async Task<PasswordResult> SendResetLinkAsync(string userId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        var profile = await _profiles.GetProfileAsync(userId, cancellationToken);
        if (DatabaseIdentity(profile) is not { Email: { Length: > 0 } email } identity)
        {
            return await RefuseResetAsync(userId, SecurityOutcomes.Refused, PasswordResult.Failed(PasswordErrorCodes.NoDatabaseIdentity), cancellationToken);
        }

        var decision = await _throttle.TryAcquireAsync(userId, ResetLinkAction, ResetLinkCooldown, cancellationToken);
        if (!decision.Allowed)
        {
            return await RefuseResetAsync(userId, SecurityOutcomes.Throttled, PasswordResult.Failed(PasswordErrorCodes.Throttled, decision.RetryAfter), cancellationToken);
        }

        try
        {
            await _authentication.ChangePasswordAsync(email, identity.Connection, cancellationToken);
        }
        catch (AuthenticationApiException ex) when (ex.IsRateLimited)
        {
            var retryAfter = ex.RateLimit?.RetryAfter is { } wait && wait > TimeSpan.Zero ? wait : ResetLinkCooldown;
            return await RefuseResetAsync(userId, SecurityOutcomes.Throttled, PasswordResult.Failed(PasswordErrorCodes.RateLimited, retryAfter), cancellationToken);
        }
        catch (AuthenticationApiException ex) when ((int)ex.StatusCode is >= 400 and < 500)
        {
            // Auth0 refused the request, so no email went out: the user may try again at once.
            await _throttle.ReleaseAsync(userId, ResetLinkAction, cancellationToken);
            LogResetFailed(_logger, _logKey.For(userId), (int)ex.StatusCode, ex.ErrorCode);
            return await RefuseResetAsync(userId, SecurityOutcomes.Failed, PasswordResult.Failed(PasswordErrorCodes.Rejected), cancellationToken);
        }
        catch (AuthenticationApiException ex)
        {
            // A timeout or 5xx may still have sent the email, so the cooldown stays: a second link within the minute would be
            // Auth0's 429 anyway.
            LogResetFailed(_logger, _logKey.For(userId), (int)ex.StatusCode, ex.ErrorCode);
            return await RefuseResetAsync(userId, SecurityOutcomes.Failed, PasswordResult.Failed(PasswordErrorCodes.Unavailable), cancellationToken);
        }

        await _events.RecordAsync(userId, SecurityActions.PasswordResetRequested, SecurityOutcomes.Succeeded, identity.Connection, cancellationToken);
        LogResetSent(_logger, _logKey.For(userId));
        return PasswordResult.Ok();
    }

    public async Task<PasswordResult> ChangePasswordAsync(string userId, string? keepSessionId, string? newPassword, string? confirmation,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        if (string.IsNullOrEmpty(newPassword))
        {
            return await RefuseChangeAsync(userId, SecurityOutcomes.Refused, PasswordResult.Failed(PasswordErrorCodes.Required), cancellationToken);
        }

        if (!string.Equals(newPassword, confirmation, StringComparison.Ordinal))
        {
            return await RefuseChangeAsync(userId, SecurityOutcomes.Refused, PasswordResult.Failed(PasswordErrorCodes.Mismatch), cancellationToken);
        }

        var profile = await _profiles.GetProfileAsync(userId, cancellationToken);
        if (DatabaseIdentity(profile) is not { } identity)
        {
            return await RefuseChangeAsync(userId, SecurityOutcomes.Refused, PasswordResult.Failed(PasswordErrorCodes.NoDatabaseIdentity), cancellationToken);
        }

        try
        {
            // UsersClient never repeats a PATCH that carries a password after a 5xx or timeout: a repeat of a change that did
            // go through would be refused by the password history and report a failure for a success.
            await _users.UpdateAsync(userId, new UserUpdateRequest { Password = newPassword, Connection = identity.Connection }, cancellationToken);
        }
        catch (ManagementApiException ex) when (ToFailure(ex, newPassword) is { } failure)
        {
            LogChangeFailed(_logger, _logKey.For(userId), (int)ex.StatusCode, failure.ErrorCode);
            var outcome = failure.ErrorCode switch
            {
                PasswordErrorCodes.RateLimited => SecurityOutcomes.Throttled,
                PasswordErrorCodes.Unavailable => SecurityOutcomes.Failed,
                _ => SecurityOutcomes.Refused,
            };
            return await RefuseChangeAsync(userId, outcome, failure, cancellationToken);
        }

        await _events.RecordAsync(userId, SecurityActions.PasswordChanged, SecurityOutcomes.Succeeded, identity.Connection, cancellationToken);
        LogChanged(_logger, _logKey.For(userId));
        await _revocations.RevokeAsync(userId, keepSessionId, cancellationToken);
        var auth0Ended = _options.EndAuth0Sessions && await EndAuth0SessionsAsync(userId, cancellationToken);
        await _events.RecordAsync(userId, SecurityActions.SessionsEnded,
            _options.EndAuth0Sessions && !auth0Ended ? SecurityOutcomes.Failed : SecurityOutcomes.Succeeded,
            auth0Ended ? "portal+auth0" : "portal", cancellationToken);

        await NotifyAsync(userId, profile, cancellationToken);
        return PasswordResult.Ok();
    }

    /// <summary>The identity that holds the password: the user's database identity (primary or linked).</summary>
    private static LinkedIdentity? DatabaseIdentity(UserProfile profile) =>
        profile.Identities.FirstOrDefault(i => string.Equals(i.Provider, DatabaseProvider, StringComparison.OrdinalIgnoreCase));

    private PasswordResult? ToFailure(ManagementApiException ex, string newPassword)
    {
        if (ex.IsRateLimited)
        {
            return PasswordResult.Failed(PasswordErrorCodes.RateLimited, ex.RateLimit?.RetryAfter);
        }

        if (ex.StatusCode == HttpStatusCode.BadRequest)
        {
            // Auth0's message starts with the policy error's name ("PasswordStrengthError: Password is too weak").
            var message = ex.ApiMessage ?? "";
            if (message.Contains("PasswordStrengthError", StringComparison.Ordinal))
            {
                return PasswordResult.Weak(PasswordPolicy.Evaluate(_options, newPassword));
            }

            return PasswordResult.Failed(message switch
            {
                _ when message.Contains("PasswordHistoryError", StringComparison.Ordinal) => PasswordErrorCodes.ReusedRecently,
                _ when message.Contains("PasswordDictionaryError", StringComparison.Ordinal) => PasswordErrorCodes.TooCommon,
                _ when message.Contains("PasswordNoUserInfoError", StringComparison.Ordinal) => PasswordErrorCodes.ContainsPersonalInfo,
                _ => PasswordErrorCodes.Rejected,
            });
        }

        return ex.IsTransportFailure || (int)ex.StatusCode >= 500 ? PasswordResult.Failed(PasswordErrorCodes.Unavailable) : null;
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

    private async Task<PasswordResult> RefuseResetAsync(string userId, string outcome, PasswordResult result, CancellationToken cancellationToken)
    {
        await _events.RecordAsync(userId, SecurityActions.PasswordResetRequested, outcome, result.ErrorCode, cancellationToken);
        return result;
    }

    private async Task<PasswordResult> RefuseChangeAsync(string userId, string outcome, PasswordResult result, CancellationToken cancellationToken)
    {
        await _events.RecordAsync(userId, SecurityActions.PasswordChanged, outcome, result.ErrorCode, cancellationToken);
        return result;
    }

    [LoggerMessage(EventId = 4201, Level = LogLevel.Information, Message = "Password reset link requested for {UserKey}")]
    private static partial void LogResetSent(ILogger logger, string userKey);

    [LoggerMessage(EventId = 4202, Level = LogLevel.Warning, Message = "Password reset link for {UserKey} failed with {Status} ({ErrorCode})")]
    private static partial void LogResetFailed(ILogger logger, string userKey, int status, string? errorCode);

    [LoggerMessage(EventId = 4203, Level = LogLevel.Information, Message = "Password of {UserKey} changed")]
    private static partial void LogChanged(ILogger logger, string userKey);

    [LoggerMessage(EventId = 4204, Level = LogLevel.Information, Message = "Password change of {UserKey} refused with {Status} ({Reason})")]
    private static partial void LogChangeFailed(ILogger logger, string userKey, int status, string? reason);

    [LoggerMessage(EventId = 4205, Level = LogLevel.Warning, Message = "Auth0 sessions of {UserKey} not ended after a password change: {Status} ({ErrorCode})")]
    private static partial void LogSessionsNotEnded(ILogger logger, string userKey, int status, string? errorCode);

    [LoggerMessage(EventId = 4206, Level = LogLevel.Information, Message = "Password change notice for {UserKey} not sent: the address is not verified")]
    private static partial void LogNoticeSkipped(ILogger logger, string userKey);

    [LoggerMessage(EventId = 4207, Level = LogLevel.Warning, Message = "Password change notice for {UserKey} could not be sent ({Failure})")]
    private static partial void LogNoticeFailed(ILogger logger, string userKey, string failure);
}
