using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Profiles.Core.Logging;
using Profiles.Core.Mail;
using Profiles.Core.Management;
using Profiles.Core.Profiles;
using Profiles.Core.Settings;

namespace Profiles.Core.Devices;

/// <summary>Emails the user that devices were signed out of their account, to their verified address only. A notice that
/// cannot be sent never undoes the sign-out.</summary>
public sealed partial class DevicesNotifier(
    IProfileService profiles,
    IEmailSender email,
    IDevicesSignedOutNotice notice,
    IOptions<ManagementApiOptions> managementOptions,
    ILogger<DevicesNotifier> logger)
{
    private readonly UserLogKey _logKey = new(managementOptions.Value.ClientSecret);

    public async Task NotifyAsync(string userId, bool everywhereElse, CancellationToken cancellationToken)
    {
        UserProfile profile;
        try
        {
            profile = await profiles.GetProfileAsync(userId, cancellationToken);
        }
        catch (ManagementApiException ex)
        {
            LogNoticeFailed(logger, _logKey.For(userId), ex.GetType().Name);
            return;
        }

        if (!profile.EmailVerified || string.IsNullOrWhiteSpace(profile.Email))
        {
            // An unverified address may belong to someone else: no security notice goes there.
            LogNoticeSkipped(logger, _logKey.For(userId));
            return;
        }

        try
        {
            await email.SendAsync(notice.Compose(profile, profile.Email, everywhereElse), cancellationToken);
        }
        catch (Exception ex) when (EmailSendFailure.Is(ex, cancellationToken))
        {
            LogNoticeFailed(logger, _logKey.For(userId), ex.GetType().Name);
        }
    }

    [LoggerMessage(EventId = 4603, Level = LogLevel.Information, Message = "Devices signed-out notice for {UserKey} not sent: the address is not verified")]
    private static partial void LogNoticeSkipped(ILogger logger, string userKey);

    [LoggerMessage(EventId = 4604, Level = LogLevel.Warning, Message = "Devices signed-out notice for {UserKey} could not be sent ({Failure})")]
    private static partial void LogNoticeFailed(ILogger logger, string userKey, string failure);
}
