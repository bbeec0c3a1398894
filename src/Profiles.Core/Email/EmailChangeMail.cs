using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Profiles.Core.Mail;

namespace Profiles.Core.Email;

/// <summary>The two emails of an email change: the code to the new address, the notice to the old one.</summary>
public sealed partial class EmailChangeMail(IEmailSender emailSender, IEmailChangeMessages messages, IOptions<EmailChangeOptions> options,
    TimeProvider timeProvider, ILogger<EmailChangeMail> logger)
{
    /// <summary>Sends the code; false (and logged) when it could not be sent.</summary>
    public async Task<bool> SendCodeAsync(string userKey, string address, string code, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        try
        {
            await emailSender.SendAsync(messages.Code(address, code, lifetime), cancellationToken);
            return true;
        }
        catch (Exception ex) when (EmailSendFailure.Is(ex, cancellationToken))
        {
            LogCodeNotSent(logger, userKey, ex.GetType().Name);
            return false;
        }
    }

    /// <summary>Tells the old address where the account's email went (masked), with the time in the user's zone.</summary>
    public async Task NotifyOldAddressAsync(string userKey, string oldEmail, string newEmail, string? timeZone, CancellationToken cancellationToken)
    {
        try
        {
            var notice = messages.ChangedNotice(oldEmail, EmailAddressRules.Mask(newEmail), timeProvider.GetUtcNow(), timeZone, options.Value.SupportContact);
            await emailSender.SendAsync(notice, cancellationToken);
        }
        catch (Exception ex) when (EmailSendFailure.Is(ex, cancellationToken))
        {
            // The change is done and cannot be undone for want of a notice; operators see the failure in the log.
            LogNoticeNotSent(logger, userKey, ex.GetType().Name);
        }
    }

    [LoggerMessage(EventId = 1402, Level = LogLevel.Warning, Message = "Email change code for {UserKey} could not be sent ({Failure})")]
    private static partial void LogCodeNotSent(ILogger logger, string userKey, string failure);

    [LoggerMessage(EventId = 1405, Level = LogLevel.Warning, Message = "Email change notice for {UserKey} could not be sent ({Failure})")]
    private static partial void LogNoticeNotSent(ILogger logger, string userKey, string failure);
}
