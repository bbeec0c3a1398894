using System.Globalization;
using Microsoft.Extensions.Localization;
using Profiles.Core.Email;
using Profiles.Core.Mail;
using Profiles.Web.Localization;
using Profiles.Web.Preferences;

namespace Profiles.Web.Email;

/// <summary>The email change emails, in the request's UI language (for a signed-in user that is their stored
/// <c>preferred_language</c>, see <see cref="ProfileLanguageCultureProvider"/>).</summary>
public sealed class EmailChangeMessages(IStringLocalizer<EmailResource> localizer) : IEmailChangeMessages
{
    public const string CodeKind = "email_change_code";
    public const string NoticeKind = "email_changed_notice";

    public EmailMessage Code(string to, string code, TimeSpan lifetime)
    {
        var minutes = (int)Math.Ceiling(lifetime.TotalMinutes);
        return new EmailMessage(to, localizer["Mail.Code.Subject"], localizer["Mail.Code.Body", code, minutes], CodeKind);
    }

    public EmailMessage ChangedNotice(string to, string maskedNewEmail, DateTimeOffset changedAt, string? timeZone, string? supportContact)
    {
        var when = UserClock.Format(changedAt, timeZone, CultureInfo.CurrentCulture);
        var help = string.IsNullOrWhiteSpace(supportContact)
            ? localizer["Mail.Notice.HelpDefault"].Value
            : localizer["Mail.Notice.HelpContact", supportContact].Value;
        return new EmailMessage(to, localizer["Mail.Notice.Subject"], localizer["Mail.Notice.Body", maskedNewEmail, when, help], NoticeKind);
    }
}
