using System.Globalization;
using Microsoft.Extensions.Localization;
using Profiles.Core.Account;
using Profiles.Core.Email;
using Profiles.Web.Localization;

namespace Profiles.Web.AccountData;

/// <summary>The deletion emails, in the user's stored language when the portal supports it, else the request's.</summary>
public sealed class DeletionNotifications(IEmailSender sender, IStringLocalizer<DataResource> localizer) : IDeletionNotifications
{
    public Task SendScheduledAsync(string to, string? preferredLanguage, DateTimeOffset dueAt, Uri cancelLink, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cancelLink);
        return InCulture(preferredLanguage, culture =>
        {
            var date = dueAt.ToUniversalTime().ToString("D", culture);
            return new EmailMessage(to, localizer["Email.ScheduledSubject", date], localizer["Email.ScheduledBody", date + " (UTC)", cancelLink.AbsoluteUri],
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
        var culture = PortalCultures.IsSupported(language) ? new CultureInfo(language!) : previous;
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
