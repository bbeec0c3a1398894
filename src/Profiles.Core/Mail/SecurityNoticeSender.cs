using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Profiles.Core.Logging;
using Profiles.Core.Management;
using Profiles.Core.Profiles;
using Profiles.Core.Settings;

namespace Profiles.Core.Mail;

/// <summary>Emails the user a security notice, to their verified address only. A notice that cannot be sent never undoes the
/// change it reports: failures are logged (without the address) and swallowed.</summary>
public sealed partial class SecurityNoticeSender(IProfileService profiles, IEmailSender email, IOptions<ManagementApiOptions> managementOptions, ILogger logger)
{
    private readonly UserLogKey _logKey = new(managementOptions.Value.ClientSecret);

    /// <param name="compose">The message for the user's profile and verified address.</param>
    public async Task SendAsync(string userId, Func<UserProfile, string, EmailMessage> compose, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(compose);
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
            await email.SendAsync(compose(profile, profile.Email), cancellationToken);
        }
        catch (Exception ex) when (EmailSendFailure.Is(ex, cancellationToken))
        {
            LogNoticeFailed(logger, _logKey.For(userId), ex.GetType().Name);
        }
    }

    [LoggerMessage(EventId = 4603, Level = LogLevel.Information, Message = "Security notice for {UserKey} not sent: the address is not verified")]
    private static partial void LogNoticeSkipped(ILogger logger, string userKey);

    [LoggerMessage(EventId = 4604, Level = LogLevel.Warning, Message = "Security notice for {UserKey} could not be sent ({Failure})")]
    private static partial void LogNoticeFailed(ILogger logger, string userKey, string failure);
}
