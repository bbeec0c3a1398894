using Microsoft.Extensions.Options;
using Profiles.Core.Activity;
using Profiles.Core.Management;
using Profiles.Core.Profiles;
using Profiles.Core.Results;
using Profiles.Core.Security;

namespace Profiles.Core.Email;

/// <summary>
/// Email change held pending until the user proves control of the new address (Auth0 itself would replace the email at once):
/// the request and its code here, the confirmation in <see cref="EmailChangeConfirmation"/>.
/// </summary>
public sealed class EmailChangeService(
    IProfileService profiles,
    PendingEmailChanges pending,
    IActionThrottle throttle,
    EmailChangeMail mail,
    EmailChangeAudit audit,
    EmailChangeConfirmation confirmation,
    IOptions<EmailChangeOptions> options) : IEmailChangeService
{
    /// <summary>Throttle action for sending codes.</summary>
    public const string SendAction = "email_change_code";

    /// <summary>The fields a field error names, as the pages call their inputs.</summary>
    public const string NewEmailField = "NewEmail";

    public const string CodeField = "Code";

    private EmailChangeOptions Settings => options.Value;

    public Task<PendingEmailChange?> GetPendingAsync(string userId, CancellationToken cancellationToken) => pending.GetAsync(userId, cancellationToken);

    public async Task<ServiceResult> RequestAsync(string userId, string? newEmail, CancellationToken cancellationToken)
    {
        var userKey = await pending.KeyForAsync(userId, cancellationToken);
        var address = EmailAddressRules.Normalize(newEmail);
        if (address is null)
        {
            return await RefuseAsync(userId, EmailChangeCodes.InvalidAddress, "invalid_address", cancellationToken);
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

        if (DatabaseConnection(profile) is null)
        {
            return await RefuseAsync(userId, EmailChangeCodes.NotDatabaseUser, "not_database_user", cancellationToken);
        }

        if (string.Equals(profile.Email, address, StringComparison.OrdinalIgnoreCase))
        {
            return await RefuseAsync(userId, EmailChangeCodes.SameAddress, "same_address", cancellationToken);
        }

        if (await audit.DailyCapWaitAsync(userId, Settings.MaxCodesPerDay, cancellationToken) is { } wait)
        {
            await audit.RequestEndedAsync(userId, SecurityOutcomes.Throttled, "daily_cap", cancellationToken);
            return ServiceResult.Busy(EmailChangeCodes.Throttled, wait);
        }

        var slot = await throttle.TryAcquireAsync(userId, SendAction, TimeSpan.FromSeconds(Settings.SendCooldownSeconds), cancellationToken);
        if (!slot.Allowed)
        {
            await audit.RequestEndedAsync(userId, SecurityOutcomes.Throttled, null, cancellationToken);
            return ServiceResult.Busy(EmailChangeCodes.Throttled, slot.RetryAfter);
        }

        var (code, lifetime) = await pending.StartAsync(userKey, address, cancellationToken);
        if (!await mail.SendCodeAsync(userKey, address, code, lifetime, cancellationToken))
        {
            await pending.DiscardAsync(userKey, cancellationToken);
            await throttle.ReleaseAsync(userId, SendAction, cancellationToken);
            await audit.RequestEndedAsync(userId, SecurityOutcomes.Failed, "code_not_sent", cancellationToken);
            return ServiceResult.Refused(EmailChangeCodes.SendFailed);
        }

        await audit.CodeSentAsync(userId, userKey, cancellationToken);
        return ServiceResult.Success(EmailChangeCodes.CodeSent);
    }

    public Task<ServiceResult> ConfirmAsync(string userId, string? code, CancellationToken cancellationToken) =>
        confirmation.ConfirmAsync(userId, code, cancellationToken);

    public async Task<ServiceResult> CancelAsync(string userId, CancellationToken cancellationToken)
    {
        var userKey = await pending.KeyForAsync(userId, cancellationToken);
        if (await pending.DiscardAsync(userKey, cancellationToken) == 0)
        {
            return ServiceResult.Refused(EmailChangeCodes.NoPendingChange);
        }

        await audit.CancelledAsync(userId, cancellationToken);
        return ServiceResult.Success(EmailChangeCodes.Cancelled);
    }

    /// <summary>The database connection of the primary identity: only there does the portal own the email.</summary>
    internal static string? DatabaseConnection(UserProfile profile) =>
        profile.Identities.FirstOrDefault(i => i.IsPrimary) is { } primary && string.Equals(primary.Provider, "auth0", StringComparison.OrdinalIgnoreCase)
            ? primary.Connection
            : null;

    private async Task<ServiceResult> RefuseAsync(string userId, string code, string detail, CancellationToken cancellationToken)
    {
        await audit.RequestEndedAsync(userId, SecurityOutcomes.Refused, detail, cancellationToken);
        return code is EmailChangeCodes.InvalidAddress or EmailChangeCodes.SameAddress
            ? ServiceResult.FieldError(NewEmailField, code)
            : ServiceResult.Refused(code);
    }
}
