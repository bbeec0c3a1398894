using System.Globalization;
using Microsoft.Extensions.Localization;
using Profiles.Core.Data;
using Profiles.Core.Mail;
using Profiles.Web.Localization;
using Profiles.Web.Preferences;

namespace Profiles.Web.Data;

/// <summary>The deletion emails, in the user's stored language when the portal supports it, else the request's.</summary>
public sealed class DeletionNotifications(IEmailSender sender, IStringLocalizer<DataResource> localizer, PortalLanguages languages) : IDeletionNotifications
{
    /// <summary>The subject names the day and the body the date and time, both in the user's time zone (as the pages show it),
    /// so the day is the one the user lives in even when it differs from the day in UTC.</summary>
    public Task SendScheduledAsync(string to, string? preferredLanguage, string? timeZone, DateTimeOffset dueAt, Uri cancelLink,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cancelLink);
        return InCulture(preferredLanguage, culture =>
        {
            var day = UserClock.FormatDate(dueAt, timeZone, culture);
            var when = UserClock.Format(dueAt, timeZone, culture);
            return new EmailMessage(to, localizer["Email.ScheduledSubject", day], localizer["Email.ScheduledBody", when, cancelLink.AbsoluteUri],
                "deletion_scheduled");
        }, cancellationToken);
    }

    public Task SendCancelledAsync(string to, string? preferredLanguage, CancellationToken cancellationToken) =>
        InCulture(preferredLanguage, _ => new EmailMessage(to, localizer["Email.CancelledSubject"], localizer["Email.CancelledBody"], "deletion_cancelled"),
            cancellationToken);

    /// <summary>Builds the message with the UI culture switched (the localizer reads it), then sends it in the caller's culture.</summary>
    private async Task InCulture(string? language, Func<CultureInfo, EmailMessage> build, CancellationToken cancellationToken)
    {
        var previous = CultureInfo.CurrentUICulture;
        var culture = languages.IsSupported(language) ? new CultureInfo(language!) : previous;
        EmailMessage message;
        CultureInfo.CurrentUICulture = culture;
        try
        {
            message = build(culture);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }

        await sender.SendAsync(message, cancellationToken);
    }
}
