using System.Net;
using Profiles.Core.Management;
using Profiles.Core.Management.Models;
using Profiles.Core.Persistence;
using Profiles.Core.Preferences;
using Profiles.Core.Profiles;
using Profiles.Core.Results;
using Profiles.Core.Writes;

namespace Profiles.Core.Email;

/// <summary>
/// The second step of an email change: the code, then the change in Auth0. Whether another account already uses the address
/// is only learnt from Auth0's answer to the final PATCH, i.e. after the user proved they own the address: checking
/// beforehand would let any signed-in user probe which addresses have accounts.
/// </summary>
public sealed class EmailChangeConfirmation(IProfileService profiles, IUsersClient users, PendingEmailChanges pending, WriteReconciler reconciler,
    ProfileCache profileCache, EmailChangeMail mail, EmailChangeAudit audit)
{
    private const string DuplicateEmailMessage = "The specified new email already exists";

    /// <summary>Checks the code; when right (and in time), changes the email in Auth0 and tells the old address.</summary>
    public async Task<ServiceResult> ConfirmAsync(string userId, string? code, CancellationToken cancellationToken)
    {
        var userKey = await pending.KeyForAsync(userId, cancellationToken);
        var row = await pending.LoadAsync(userKey, cancellationToken);
        if (row is null)
        {
            return ServiceResult.Refused(EmailChangeCodes.NoPendingChange);
        }

        if (pending.IsExpired(row))
        {
            await pending.DiscardAsync(userKey, cancellationToken);
            return await RefuseAsync(userId, EmailChangeCodes.Expired, "expired", cancellationToken);
        }

        if (pending.IsUsedUp(row))
        {
            await pending.DiscardAsync(userKey, cancellationToken);
            return await RefuseAsync(userId, EmailChangeCodes.TooManyAttempts, "too_many_attempts", cancellationToken);
        }

        var attempts = await pending.ReserveAttemptAsync(row, cancellationToken);
        if (attempts is null)
        {
            // Used up or expired by a parallel request, or replaced: whatever is left of it must not be guessed at further.
            await pending.DiscardAsync(userKey, cancellationToken);
            return await RefuseAsync(userId, EmailChangeCodes.TooManyAttempts, "too_many_attempts", cancellationToken);
        }

        if (!await pending.MatchesAsync(row, code, cancellationToken))
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
            return ServiceResult.Busy(EmailChangeCodes.Unavailable, ex.RateLimit?.RetryAfter);
        }

        var connection = EmailChangeService.DatabaseConnection(profile);
        if (connection is null)
        {
            await pending.DiscardAsync(userKey, cancellationToken);
            return await RefuseAsync(userId, EmailChangeCodes.NotDatabaseUser, "not_database_user", cancellationToken);
        }

        if (!await pending.ClaimAsync(row, cancellationToken))
        {
            return ServiceResult.Refused(EmailChangeCodes.NoPendingChange);
        }

        return await ApplyAsync(userId, userKey, row, profile.Email, TimeZonePreference.Of(profile.UserMetadata), connection, cancellationToken);
    }

    private async Task<ServiceResult> ApplyAsync(string userId, string userKey, PendingEmailChangeRow row, string? oldEmail, string? timeZone, string connection,
        CancellationToken cancellationToken)
    {
        try
        {
            // The code proved control of the address, so it is stored as verified; no Auth0 verification email is needed.
            var write = await reconciler.WriteAsync(userId,
                ct => users.UpdateAsync(userId, new UserUpdateRequest { Email = row.NewEmail, EmailVerified = true, Connection = connection }, ct),
                stored => string.Equals(stored.Email, row.NewEmail, StringComparison.OrdinalIgnoreCase), cancellationToken);
            if (write.Outcome != WriteOutcome.Saved)
            {
                // Not stored, or not known to be: put the pending change back so the same code can be tried again.
                await pending.RestoreAsync(row, cancellationToken);
                await audit.ChangeFailedAsync(userId, userKey, (int)write.Failure!.StatusCode, write.Failure.ErrorCode, cancellationToken);
                return write.Outcome == WriteOutcome.NotSaved
                    ? ServiceResult.Busy(EmailChangeCodes.Unavailable, write.Failure.RateLimit?.RetryAfter)
                    : ServiceResult.Unconfirmed(EmailChangeCodes.Unconfirmed);
            }
        }
        catch (ManagementApiException ex) when (ex.StatusCode == HttpStatusCode.BadRequest)
        {
            var duplicate = ex.ApiMessage?.StartsWith(DuplicateEmailMessage, StringComparison.OrdinalIgnoreCase) == true;
            audit.ChangeRejected(userKey, (int)ex.StatusCode, ex.ErrorCode);
            return duplicate
                ? await RefuseAsync(userId, EmailChangeCodes.AddressUnavailable, "address_unavailable", cancellationToken)
                : await RefuseAsync(userId, EmailChangeCodes.Rejected, "rejected", cancellationToken);
        }

        await profileCache.ForgetAsync(userId, cancellationToken);
        await audit.ChangedAsync(userId, userKey, cancellationToken);
        if (!string.IsNullOrEmpty(oldEmail))
        {
            await mail.NotifyOldAddressAsync(userKey, oldEmail, row.NewEmail, timeZone, cancellationToken);
        }

        return ServiceResult.Success(EmailChangeCodes.Changed);
    }

    private async Task<ServiceResult> WrongCodeAsync(string userId, string userKey, int attempts, CancellationToken cancellationToken)
    {
        var left = pending.AttemptsLeft(attempts);
        if (left <= 0)
        {
            await pending.DiscardAsync(userKey, cancellationToken);
            return await RefuseAsync(userId, EmailChangeCodes.TooManyAttempts, "too_many_attempts", cancellationToken);
        }

        await audit.ChangeRefusedAsync(userId, "wrong_code", cancellationToken);
        return ServiceResult.FieldError(EmailChangeService.CodeField, EmailChangeCodes.WrongCode, left);
    }

    private async Task<ServiceResult> RefuseAsync(string userId, string code, string detail, CancellationToken cancellationToken)
    {
        await audit.ChangeRefusedAsync(userId, detail, cancellationToken);
        return ServiceResult.Refused(code);
    }
}
