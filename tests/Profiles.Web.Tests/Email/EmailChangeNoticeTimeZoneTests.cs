using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Profiles.Core.Mail;
using Profiles.Web.Email;
using Profiles.Web.Localization;

namespace Profiles.Web.Tests.Email;

/// <summary>The notice to the old address names the time of the change in the user's time zone, as the pages do.</summary>
public sealed class EmailChangeNoticeTimeZoneTests
{
    // 23:30 UTC on 9 December is already 10 December in Tokyo.
    private static readonly DateTimeOffset ChangedAt = new(2026, 12, 9, 23, 30, 0, TimeSpan.Zero);

    [Fact]
    public void The_time_of_the_change_is_in_the_users_time_zone()
    {
        var notice = Compose("Asia/Tokyo");

        Assert.Contains("Thursday, December 10, 2026 8:30 AM (Asia/Tokyo)", notice.TextBody.Replace('\u202f', ' '), StringComparison.Ordinal);
        Assert.DoesNotContain("UTC", notice.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_zone_the_time_is_in_utc_and_says_so()
    {
        var notice = Compose(null);

        Assert.Contains("Wednesday, December 9, 2026 11:30 PM (UTC)", notice.TextBody.Replace('\u202f', ' '), StringComparison.Ordinal);
    }

    private static EmailMessage Compose(string? zone)
    {
        var factory = new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance);
        var messages = new EmailChangeMessages(new StringLocalizer<EmailResource>(factory));
        var (ui, culture) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("en-US");
        try
        {
            return messages.ChangedNotice("old@example.com", "n***@example.com", ChangedAt, zone, supportContact: null);
        }
        finally
        {
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, culture);
        }
    }
}
