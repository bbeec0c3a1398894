using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Profiles.Core.Data;
using Profiles.Core.Email;
using Profiles.Core.Management;
using Profiles.Core.Management.Models;
using Profiles.Core.Profiles;
using Profiles.Core.Security;

namespace Profiles.Core.Account;

/// <summary>
/// Email change held pending until the user proves control of the new address (Auth0 itself would replace the email at once).
/// Whether another account already uses the address is only learnt from Auth0's answer to the final PATCH, i.e. after the user
/// proved they own the address: checking beforehand would let any signed-in user probe which addresses have accounts.
/// </summary>
public sealed partial class EmailChangeService(
    IProfileService profiles,
    IUsersClient users,
    IDbContextFactory<PortalDbContext> dbFactory,
    PortalUserKeys userKeys,
    EmailCodeHasher codes,
    IActionThrottle throttle,
    IEmailSender emailSender,
    IEmailChangeMessages messages,
    ISecurityEventLog securityEvents,
    ProfileCache profileCache,
    IOptions<EmailChangeOptions> options,
    TimeProvider timeProvider,
    ILogger<EmailChangeService> logger) : IEmailChangeService
{
    /// <summary>Throttle action for sending codes.</summary>
    public const string SendAction = "email_change_code";

    private const string DuplicateEmailMessage = "The specified new email already exists";

    private readonly PendingEmailChangeStore _pending = new(dbFactory);

    private EmailChangeOptions Settings => options.Value;

    public async Task<PendingEmailChange?> GetPendingAsync(string userId, CancellationToken cancellationToken)
    {
        var userKey = await userKeys.ForAsync(userId, cancellationToken);
        var row = await _pending.LoadAsync(userKey, cancellationToken);
        if (row is null)
        {
            return null;
        }

        if (IsExpired(row) || row.Attempts >= Settings.MaxAttempts)
        {
            await _pending.DiscardAsync(userKey, cancellationToken);
            return null;
        }

        return new PendingEmailChange(row.NewEmail, DateTimeOffset.FromUnixTimeMilliseconds(row.ExpiresAtMs), Settings.MaxAttempts - row.Attempts);
    }

    public async Task<EmailChangeResult> RequestAsync(string userId, string? newEmail, CancellationToken cancellationToken)
    {
        var userKey = await userKeys.ForAsync(userId, cancellationToken);
        var address = EmailAddressRules.Normalize(newEmail);
        if (address is null)
        {
            return await RefuseRequestAsync(userId, EmailChangeOutcome.InvalidAddress, "invalid_address", cancellationToken);
        }

        UserProfile profile;
        try
        {
            profile = await profiles.GetProfileAsync(userId, cancellationToken);
        }
        catch (ManagementApiException ex) when (ex.IsTransient)
        {
            return new EmailChangeResult(EmailChangeOutcome.Unavailable, ex.RateLimit?.RetryAfter);
        }

        if (DatabaseConnection(profile) is null)
        {
            return await RefuseRequestAsync(userId, EmailChangeOutcome.NotDatabaseUser, "not_database_user", cancellationToken);
        }

        if (string.Equals(profile.Email, address, StringComparison.OrdinalIgnoreCase))
        {
            return await RefuseRequestAsync(userId, EmailChangeOutcome.SameAddress, "same_address", cancellationToken);
        }

        if (await DailyCapWaitAsync(userId, cancellationToken) is { } wait)
        {
            await securityEvents.RecordAsync(userId, SecurityActions.EmailChangeRequested, SecurityOutcomes.Throttled, "daily_cap", cancellationToken);
            return new EmailChangeResult(EmailChangeOutcome.Throttled, wait);
        }

        var slot = await throttle.TryAcquireAsync(userId, SendAction, TimeSpan.FromSeconds(Settings.SendCooldownSeconds), cancellationToken);
        if (!slot.Allowed)
        {
            await securityEvents.RecordAsync(userId, SecurityActions.EmailChangeRequested, SecurityOutcomes.Throttled, null, cancellationToken);
            return new EmailChangeResult(EmailChangeOutcome.Throttled, slot.RetryAfter);
        }

        var code = EmailCodeHasher.NewCode(Settings.CodeLength);
        var lifetime = TimeSpan.FromMinutes(Settings.CodeLifetimeMinutes);
        var now = timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        await _pending.ReplaceAsync(new PendingEmailChangeRow
        {
            UserKey = userKey,
            NewEmail = address,
            CodeHash = await codes.HashAsync(userKey, address, code, cancellationToken),
            CreatedAtMs = now,
            ExpiresAtMs = now + (long)lifetime.TotalMilliseconds,
        }, cancellationToken);
        try
        {
            await emailSender.SendAsync(messages.Code(address, code, lifetime), cancellationToken);
        }
        catch (Exception ex) when (EmailSendFailure.Is(ex, cancellationToken))
        {
            LogCodeNotSent(logger, userKey, ex.GetType().Name);
            await _pending.DiscardAsync(userKey, cancellationToken);
            await throttle.ReleaseAsync(userId, SendAction, cancellationToken);
            await securityEvents.RecordAsync(userId, SecurityActions.EmailChangeRequested, SecurityOutcomes.Failed, "code_not_sent", cancellationToken);
            return EmailChangeResult.Of(EmailChangeOutcome.SendFailed);
        }

        LogCodeSent(logger, userKey);
        await securityEvents.RecordAsync(userId, SecurityActions.EmailChangeRequested, SecurityOutcomes.Succeeded, null, cancellationToken);
        return EmailChangeResult.Of(EmailChangeOutcome.CodeSent);
    }

    public async Task<EmailChangeResult> ConfirmAsync(string userId, string? code, CancellationToken cancellationToken)
    {
        var userKey = await userKeys.ForAsync(userId, cancellationToken);
        var row = await _pending.LoadAsync(userKey, cancellationToken);
        if (row is null)
        {
            return EmailChangeResult.Of(EmailChangeOutcome.NoPendingChange);
        }

        if (IsExpired(row))
        {
            await _pending.DiscardAsync(userKey, cancellationToken);
            return await RefuseChangeAsync(userId, EmailChangeOutcome.Expired, "expired", cancellationToken);
        }

        if (row.Attempts >= Settings.MaxAttempts)
        {
            await _pending.DiscardAsync(userKey, cancellationToken);
            return await RefuseChangeAsync(userId, EmailChangeOutcome.TooManyAttempts, "too_many_attempts", cancellationToken);
        }

        var attempts = await _pending.ReserveAttemptAsync(userKey, row.CodeHash, Settings.MaxAttempts, NowMs, cancellationToken);
        if (attempts is null)
        {
            // Used up or expired by a parallel request, or replaced: whatever is left of it must not be guessed at further.
            await _pending.DiscardAsync(userKey, cancellationToken);
            return await RefuseChangeAsync(userId, EmailChangeOutcome.TooManyAttempts, "too_many_attempts", cancellationToken);
        }

        var entered = new string((code ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());
        if (entered.Length != Settings.CodeLength || !entered.All(char.IsAsciiDigit)
            || !await codes.MatchesAsync(userKey, row.NewEmail, entered, row.CodeHash, cancellationToken))
        {
            return await WrongCodeAsync(userId, userKey, attempts.Value, cancellationToken);
        }

        UserProfile profile;
        try
        {
            profile = await profiles.GetProfileAsync(userId, cancellationToken);
        }
        catch (ManagementApiException ex) when (ex.IsTransient)
        {
            return new EmailChangeResult(EmailChangeOutcome.Unavailable, ex.RateLimit?.RetryAfter);
        }

        var connection = DatabaseConnection(profile);
        if (connection is null)
        {
            await _pending.DiscardAsync(userKey, cancellationToken);
            return await RefuseChangeAsync(userId, EmailChangeOutcome.NotDatabaseUser, "not_database_user", cancellationToken);
        }

        // Claim the pending change so that two submissions of the same code cannot both apply it.
        if (!await _pending.ClaimAsync(userKey, row.CodeHash, NowMs, cancellationToken))
        {
            return EmailChangeResult.Of(EmailChangeOutcome.NoPendingChange);
        }

        return await ApplyAsync(userId, userKey, row, profile.Email, connection, cancellationToken);
    }

    public async Task<EmailChangeResult> CancelAsync(string userId, CancellationToken cancellationToken)
    {
        var userKey = await userKeys.ForAsync(userId, cancellationToken);
        if (await _pending.DiscardAsync(userKey, cancellationToken) == 0)
        {
            return EmailChangeResult.Of(EmailChangeOutcome.NoPendingChange);
        }

        await securityEvents.RecordAsync(userId, SecurityActions.EmailChangeCancelled, SecurityOutcomes.Succeeded, null, cancellationToken);
        return EmailChangeResult.Of(EmailChangeOutcome.Cancelled);
    }

    private async Task<EmailChangeResult> ApplyAsync(string userId, string userKey, PendingEmailChangeRow row, string? oldEmail, string connection,
        CancellationToken cancellationToken)
    {
        try
        {
            // The code proved control of the address, so it is stored as verified; no Auth0 verification email is needed.
            await users.UpdateAsync(userId, new UserUpdateRequest { Email = row.NewEmail, EmailVerified = true, Connection = connection }, cancellationToken);
        }
        catch (ManagementApiException ex) when (ex.IsTransient)
        {
            // Nothing is known to have changed: put the pending change back so the same code can be tried again.
            await _pending.RestoreAsync(row, cancellationToken);
            LogChangeFailed(logger, userKey, (int)ex.StatusCode, ex.ErrorCode);
            await securityEvents.RecordAsync(userId, SecurityActions.EmailChanged, SecurityOutcomes.Failed, "unavailable", cancellationToken);
            return new EmailChangeResult(EmailChangeOutcome.Unavailable, ex.RateLimit?.RetryAfter);
        }
        catch (ManagementApiException ex) when (ex.StatusCode == HttpStatusCode.BadRequest)
        {
            var duplicate = ex.ApiMessage?.StartsWith(DuplicateEmailMessage, StringComparison.OrdinalIgnoreCase) == true;
            LogChangeFailed(logger, userKey, (int)ex.StatusCode, ex.ErrorCode);
            return duplicate
                ? await RefuseChangeAsync(userId, EmailChangeOutcome.AddressUnavailable, "address_unavailable", cancellationToken)
                : await RefuseChangeAsync(userId, EmailChangeOutcome.Rejected, "rejected", cancellationToken);
        }

        profileCache.Forget(userId);
        await securityEvents.RecordAsync(userId, SecurityActions.EmailChanged, SecurityOutcomes.Succeeded, null, cancellationToken);
        LogChanged(logger, userKey);
        if (!string.IsNullOrEmpty(oldEmail))
        {
            await NotifyOldAddressAsync(userKey, oldEmail, row.NewEmail, cancellationToken);
        }

        return EmailChangeResult.Of(EmailChangeOutcome.Changed);
    }

    private async Task NotifyOldAddressAsync(string userKey, string oldEmail, string newEmail, CancellationToken cancellationToken)
    {
        try
        {
            var notice = messages.ChangedNotice(oldEmail, EmailAddressRules.Mask(newEmail), timeProvider.GetUtcNow(), Settings.SupportContact);
            await emailSender.SendAsync(notice, cancellationToken);
        }
        catch (Exception ex) when (EmailSendFailure.Is(ex, cancellationToken))
        {
            // The change is done and cannot be undone for want of a notice; operators see the failure in the log.
            LogNoticeNotSent(logger, userKey, ex.GetType().Name);
        }
    }

    private long NowMs => timeProvider.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>Counts the codes sent in the last 24 hours from the user's own security events; when the cap is reached, how long
    /// until the oldest of them leaves the window.</summary>
    private async Task<TimeSpan?> DailyCapWaitAsync(string userId, CancellationToken cancellationToken)
    {
        var since = timeProvider.GetUtcNow() - TimeSpan.FromDays(1);
        var sent = (await securityEvents.ListRecentAsync(userId, 500, cancellationToken))
            .Where(e => e.Action == SecurityActions.EmailChangeRequested && e.Outcome == SecurityOutcomes.Succeeded && e.OccurredAt > since)
            .Select(e => e.OccurredAt)
            .ToList();
        return sent.Count < Settings.MaxCodesPerDay ? null : sent.Min() - since;
    }

    private async Task<EmailChangeResult> WrongCodeAsync(string userId, string userKey, int attempts, CancellationToken cancellationToken)
    {
        if (attempts >= Settings.MaxAttempts)
        {
            await _pending.DiscardAsync(userKey, cancellationToken);
            return await RefuseChangeAsync(userId, EmailChangeOutcome.TooManyAttempts, "too_many_attempts", cancellationToken);
        }

        await securityEvents.RecordAsync(userId, SecurityActions.EmailChanged, SecurityOutcomes.Refused, "wrong_code", cancellationToken);
        return new EmailChangeResult(EmailChangeOutcome.WrongCode, AttemptsLeft: Settings.MaxAttempts - attempts);
    }

    private async Task<EmailChangeResult> RefuseRequestAsync(string userId, EmailChangeOutcome outcome, string detail, CancellationToken cancellationToken)
    {
        await securityEvents.RecordAsync(userId, SecurityActions.EmailChangeRequested, SecurityOutcomes.Refused, detail, cancellationToken);
        return EmailChangeResult.Of(outcome);
    }

    private async Task<EmailChangeResult> RefuseChangeAsync(string userId, EmailChangeOutcome outcome, string detail, CancellationToken cancellationToken)
    {
        await securityEvents.RecordAsync(userId, SecurityActions.EmailChanged, SecurityOutcomes.Refused, detail, cancellationToken);
        return EmailChangeResult.Of(outcome);
    }

    /// <summary>The database connection of the primary identity: only there does the portal own the email.</summary>
    private static string? DatabaseConnection(UserProfile profile) =>
        profile.Identities.FirstOrDefault(i => i.IsPrimary) is { } primary && string.Equals(primary.Provider, "auth0", StringComparison.OrdinalIgnoreCase)
            ? primary.Connection
            : null;


    private bool IsExpired(PendingEmailChangeRow row) => timeProvider.GetUtcNow().ToUnixTimeMilliseconds() >= row.ExpiresAtMs;

    [LoggerMessage(EventId = 1401, Level = LogLevel.Information, Message = "Email change code sent for {UserKey}")]
    private static partial void LogCodeSent(ILogger logger, string userKey);

    [LoggerMessage(EventId = 1402, Level = LogLevel.Warning, Message = "Email change code for {UserKey} could not be sent ({Failure})")]
    private static partial void LogCodeNotSent(ILogger logger, string userKey, string failure);

    [LoggerMessage(EventId = 1403, Level = LogLevel.Information, Message = "Email of {UserKey} changed after code confirmation")]
    private static partial void LogChanged(ILogger logger, string userKey);

    [LoggerMessage(EventId = 1404, Level = LogLevel.Warning, Message = "Email change of {UserKey} failed at Auth0 with {Status} ({ErrorCode})")]
    private static partial void LogChangeFailed(ILogger logger, string userKey, int status, string? errorCode);

    [LoggerMessage(EventId = 1405, Level = LogLevel.Warning, Message = "Email change notice for {UserKey} could not be sent ({Failure})")]
    private static partial void LogNoticeNotSent(ILogger logger, string userKey, string failure);
}
