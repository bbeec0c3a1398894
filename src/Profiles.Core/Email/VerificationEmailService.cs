using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Profiles.Core.Activity;
using Profiles.Core.Management;
using Profiles.Core.Management.Models;
using Profiles.Core.Profiles;
using Profiles.Core.Results;
using Profiles.Core.Security;
using Profiles.Core.Settings;

namespace Profiles.Core.Email;

/// <summary>
/// Resends Auth0's verification email. The cooldown slot is taken before the call and kept unless Auth0 clearly did not send
/// anything (a 4xx answer): after a timeout or a server error the email may well be on its way, so neither the client (see
/// <see cref="JobsClient"/>: a POST is only retried on 429) nor the user may trigger a second one straight away.
/// </summary>
public sealed partial class VerificationEmailService(
    IProfileService profiles,
    IJobsClient jobs,
    IActionThrottle throttle,
    ISecurityEventLog securityEvents,
    IOptions<VerificationEmailOptions> options,
    IOptions<Auth0Options> auth0Options,
    ILogger<VerificationEmailService> logger) : IVerificationEmailService
{
    /// <summary>Throttle action for resends.</summary>
    public const string Action = "verification_email";

    public Task<TimeSpan> CooldownRemainingAsync(string userId, CancellationToken cancellationToken) =>
        throttle.RemainingAsync(userId, Action, cancellationToken);

    public async Task<ServiceResult> ResendAsync(string userId, CancellationToken cancellationToken)
    {
        UserProfile profile;
        try
        {
            profile = await profiles.GetProfileAsync(userId, cancellationToken);
        }
        catch (ManagementApiException ex) when (ex.IsTransient)
        {
            return ServiceResult.Busy(VerificationEmailCodes.Failed, ex.RateLimit?.RetryAfter);
        }

        if (profile.EmailVerified)
        {
            return ServiceResult.Refused(VerificationEmailCodes.AlreadyVerified);
        }

        var primary = profile.Identities.FirstOrDefault(i => i.IsPrimary);
        if (primary is null || !string.Equals(primary.Provider, "auth0", StringComparison.OrdinalIgnoreCase) || string.IsNullOrEmpty(profile.Email))
        {
            return ServiceResult.Refused(VerificationEmailCodes.NotDatabaseUser);
        }

        var slot = await throttle.TryAcquireAsync(userId, Action, TimeSpan.FromSeconds(options.Value.CooldownSeconds), cancellationToken);
        if (!slot.Allowed)
        {
            await securityEvents.RecordAsync(userId, SecurityActions.VerificationEmailSent, SecurityOutcomes.Throttled, null, cancellationToken);
            return ServiceResult.Busy(VerificationEmailCodes.Throttled, slot.RetryAfter);
        }

        var clientId = auth0Options.Value.ClientId;
        try
        {
            await jobs.SendVerificationEmailAsync(userId, new JobIdentity(primary.UserId, primary.Provider),
                string.IsNullOrEmpty(clientId) ? null : clientId, cancellationToken);
        }
        catch (ManagementApiException ex) when (ex.IsTransportFailure || (int)ex.StatusCode >= 500)
        {
            LogUncertain(logger, (int)ex.StatusCode, ex.ErrorCode);
            await securityEvents.RecordAsync(userId, SecurityActions.VerificationEmailSent, SecurityOutcomes.Failed, "uncertain", cancellationToken);
            return ServiceResult.Unconfirmed(VerificationEmailCodes.Uncertain, await throttle.RemainingAsync(userId, Action, cancellationToken));
        }
        catch (ManagementApiException ex) when ((int)ex.StatusCode is >= 400 and < 500)
        {
            // Refused (or rate limited even after the client's own 429 retries): nothing was sent, so the user may try again.
            await throttle.ReleaseAsync(userId, Action, cancellationToken);
            LogRefused(logger, (int)ex.StatusCode, ex.ErrorCode);
            await securityEvents.RecordAsync(userId, SecurityActions.VerificationEmailSent, SecurityOutcomes.Failed, "refused", cancellationToken);
            return ex.IsRateLimited ? ServiceResult.Busy(VerificationEmailCodes.Failed, ex.RateLimit?.RetryAfter) : ServiceResult.Refused(VerificationEmailCodes.Failed);
        }

        await securityEvents.RecordAsync(userId, SecurityActions.VerificationEmailSent, SecurityOutcomes.Succeeded, null, cancellationToken);
        return ServiceResult.Success(VerificationEmailCodes.Sent);
    }

    [LoggerMessage(EventId = 1411, Level = LogLevel.Warning, Message = "Verification email job got no clear answer ({Status}, {ErrorCode}); not repeated")]
    private static partial void LogUncertain(ILogger logger, int status, string? errorCode);

    [LoggerMessage(EventId = 1412, Level = LogLevel.Warning, Message = "Verification email job refused with {Status} ({ErrorCode})")]
    private static partial void LogRefused(ILogger logger, int status, string? errorCode);
}
