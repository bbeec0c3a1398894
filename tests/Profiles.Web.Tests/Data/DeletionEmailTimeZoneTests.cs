using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Profiles.Core.Mail;
using Profiles.Core.Preferences;
using Profiles.Web.Data;
using Profiles.Web.Localization;

namespace Profiles.Web.Tests.Data;

/// <summary>The "your account will be deleted" email shows the date in the user's time zone and language, as the pages do.</summary>
public sealed class DeletionEmailTimeZoneTests
{
    // 23:30 UTC on 9 December is already 10 December in Tokyo and still 9 December in New York.
    private static readonly DateTimeOffset DueAt = new(2026, 12, 9, 23, 30, 0, TimeSpan.Zero);
    private static readonly Uri CancelLink = new("https://portal.example/data/cancel-deletion?token=abc");

    [Fact]
    public async Task The_subject_day_and_the_body_time_follow_the_users_time_zone()
    {
        var sent = await SendAsync("en", "Asia/Tokyo");

        Assert.Equal("Your account will be deleted on Thursday, December 10, 2026", sent.Subject);
        Assert.Contains("Thursday, December 10, 2026 8:30 AM (Asia/Tokyo)", sent.TextBody.Replace('\u202f', ' '), StringComparison.Ordinal);
        Assert.DoesNotContain("UTC", sent.TextBody, StringComparison.Ordinal);
        Assert.Contains(CancelLink.AbsoluteUri, sent.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_time_zone_the_email_says_utc()
    {
        var sent = await SendAsync("en", null);

        Assert.Equal("Your account will be deleted on Wednesday, December 9, 2026", sent.Subject);
        Assert.Contains("Wednesday, December 9, 2026 11:30 PM (UTC)", sent.TextBody.Replace('\u202f', ' '), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_date_is_written_in_the_users_language()
    {
        var sent = await SendAsync("fr", "Asia/Tokyo");

        Assert.Equal("Votre compte sera supprimé le jeudi 10 décembre 2026", sent.Subject);
        Assert.Contains("(Asia/Tokyo)", sent.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void The_zone_is_read_from_the_stored_profile_and_unknown_zones_mean_utc()
    {
        Assert.Equal("Asia/Tokyo", TimeZonePreference.Of(new JsonObject { ["time_zone"] = "Asia/Tokyo" }));
        Assert.Null(TimeZonePreference.Of(new JsonObject { ["time_zone"] = "Mars/Olympus_Mons" }));
        Assert.Null(TimeZonePreference.Of(new JsonObject { ["time_zone"] = 3 }));
        Assert.Null(TimeZonePreference.Of(null));
    }

    private static async Task<EmailMessage> SendAsync(string language, string? zone)
    {
        var sender = new CapturingSender();
        var factory = new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance);
        var notifications = new DeletionNotifications(sender, new StringLocalizer<DataResource>(factory),
            new PortalLanguages(Options.Create(new PortalLanguagesOptions { Cultures = ["en", "fr", "de", "es", "ar"] })));
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
        try
        {
            await notifications.SendScheduledAsync("alice@example.com", language, zone, DueAt, CancelLink, CancellationToken.None);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }

        return Assert.Single(sender.Sent);
    }

    private sealed class CapturingSender : IEmailSender
    {
        public List<EmailMessage> Sent { get; } = [];

        public Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
        {
            Sent.Add(message);
            return Task.CompletedTask;
        }
    }
}
