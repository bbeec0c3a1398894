using Microsoft.Extensions.Options;
using Profiles.Core.Activity;
using Profiles.Core.Authentication;
using Profiles.Core.Profiles;
using Profiles.Core.Results;
using Profiles.Core.Security;

namespace Profiles.Core.Password;

/// <summary>The reset link (<c>/dbconnections/change_password</c>) and its cooldown: a link only proves control of the
/// mailbox, so this step is apart from the change.</summary>
public sealed class PasswordResetLinks(IProfileService profiles, IAuthenticationApiClient authentication, IActionThrottle throttle,
    PasswordAudit audit, IOptions<PasswordOptions> options)
{
    private TimeSpan Cooldown => TimeSpan.FromSeconds(Math.Max(1, options.Value.ResetLinkCooldownSeconds));

    /// <summary>How long until the user may ask for another link (zero when they may now).</summary>
    public Task<TimeSpan> RemainingAsync(string userId, CancellationToken cancellationToken) =>
        throttle.RemainingAsync(userId, PasswordService.ResetLinkAction, cancellationToken);

    /// <summary>Asks Auth0 to email a reset link, at most once per cooldown. Never retried.</summary>
    public async Task<ServiceResult> SendAsync(string userId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        var profile = await profiles.GetProfileAsync(userId, cancellationToken);
        if (PasswordIdentity.Of(profile) is not { Email: { Length: > 0 } email } identity)
        {
            return await RefuseAsync(userId, SecurityOutcomes.Refused, ServiceResult.Refused(PasswordErrorCodes.NoDatabaseIdentity), cancellationToken);
        }

        var decision = await throttle.TryAcquireAsync(userId, PasswordService.ResetLinkAction, Cooldown, cancellationToken);
        if (!decision.Allowed)
        {
            return await RefuseAsync(userId, SecurityOutcomes.Throttled, ServiceResult.Busy(PasswordErrorCodes.Throttled, decision.RetryAfter), cancellationToken);
        }

        try
        {
            await authentication.ChangePasswordAsync(email, identity.Connection, cancellationToken);
        }
        catch (AuthenticationApiException ex) when (ex.IsRateLimited)
        {
            var retryAfter = ex.RateLimit?.RetryAfter is { } wait && wait > TimeSpan.Zero ? wait : Cooldown;
            return await RefuseAsync(userId, SecurityOutcomes.Throttled, ServiceResult.Busy(PasswordErrorCodes.RateLimited, retryAfter), cancellationToken);
        }
        catch (AuthenticationApiException ex) when ((int)ex.StatusCode is >= 400 and < 500)
        {
            // Auth0 refused the request, so no email went out: the user may try again at once.
            await throttle.ReleaseAsync(userId, PasswordService.ResetLinkAction, cancellationToken);
            audit.ResetLinkFailed(userId, (int)ex.StatusCode, ex.ErrorCode);
            return await RefuseAsync(userId, SecurityOutcomes.Failed, ServiceResult.Refused(PasswordErrorCodes.Rejected), cancellationToken);
        }
        catch (AuthenticationApiException ex)
        {
            // A timeout or 5xx may still have sent the email, so the cooldown stays: a second link within the minute would be
            // Auth0's 429 anyway.
            audit.ResetLinkFailed(userId, (int)ex.StatusCode, ex.ErrorCode);
            return await RefuseAsync(userId, SecurityOutcomes.Failed, ServiceResult.Busy(PasswordErrorCodes.Unavailable), cancellationToken);
        }

        await audit.ResetLinkSentAsync(userId, identity.Connection, cancellationToken);
        return ServiceResult.Success();
    }

    private async Task<ServiceResult> RefuseAsync(string userId, string outcome, ServiceResult result, CancellationToken cancellationToken)
    {
        await audit.ResetLinkRefusedAsync(userId, outcome, result.Code, cancellationToken);
        return result;
    }
}
