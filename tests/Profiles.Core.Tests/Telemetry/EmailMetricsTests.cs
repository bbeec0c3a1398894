using System.Diagnostics.Metrics;
using MailKit.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Profiles.Core.Mail;
using Profiles.Core.Telemetry;
using Profiles.Core.Tests.Mail;

namespace Profiles.Core.Tests.Telemetry;

/// <summary>Emails counted by <see cref="MeteredEmailSender"/> around the real SMTP sender and a real SMTP server.</summary>
public sealed class EmailMetricsTests
{
    private static readonly EmailMessage Notice = new("chuck@example.com", "Your password was changed", "Your password was changed.", "password_changed");

    [Fact]
    public async Task A_delivered_email_counts_as_sent_and_a_refused_one_as_failed_by_kind_and_error_type()
    {
        await using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meters = services.GetRequiredService<IMeterFactory>();
        using var sent = new MetricCollector<long>(meters, PortalTelemetry.MeterName, EmailMetrics.SentName);
        using var failed = new MetricCollector<long>(meters, PortalTelemetry.MeterName, EmailMetrics.FailedName);
        await using var server = new SmtpTestServer();
        server.RefusedRecipients.Add("gone@example.com");
        var smtp = new SmtpEmailSender(Options.Create(new EmailOptions
        {
            From = "account@example.com",
            SmtpHost = "127.0.0.1",
            SmtpPort = server.Port,
            SmtpSecurity = SecureSocketOptions.None,
        }), TimeProvider.System, NullLogger<SmtpEmailSender>.Instance);
        var sender = new MeteredEmailSender(smtp, EmailDelivery.Smtp, new EmailMetrics(meters));

        await sender.SendAsync(Notice, CancellationToken.None);
        await Assert.ThrowsAsync<EmailDeliveryException>(() => sender.SendAsync(Notice with { To = "gone@example.com" }, CancellationToken.None));

        var delivered = Assert.Single(sent.GetMeasurementSnapshot());
        Assert.Equal("password_changed", delivered.Tags["kind"]);
        Assert.Equal(EmailDelivery.Smtp, delivered.Tags["delivery"]);
        var refused = Assert.Single(failed.GetMeasurementSnapshot());
        Assert.Equal(EmailDeliveryErrors.Refused, refused.Tags["error_type"]);
        Assert.DoesNotContain(refused.Tags.Values.Concat(delivered.Tags.Values), value => value is string text && text.Contains('@', StringComparison.Ordinal));
    }
}
