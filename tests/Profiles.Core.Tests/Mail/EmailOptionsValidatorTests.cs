using Profiles.Core.Mail;

namespace Profiles.Core.Tests.Mail;

public sealed class EmailOptionsValidatorTests
{
    private readonly EmailOptionsValidator _validator = new();

    [Fact]
    public void Smtp_without_host_or_sender_names_both_settings()
    {
        var result = _validator.Validate(null, new EmailOptions());

        Assert.True(result.Failed);
        Assert.Contains("Profiles:Email:From", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Profiles:Email:SmtpHost", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_complete_smtp_configuration_is_valid()
    {
        var result = _validator.Validate(null, new EmailOptions { From = "account@example.com", SmtpHost = "smtp.example.com" });

        Assert.True(result.Succeeded);
    }

    [Theory]
    [InlineData("LocalTenantOutbox", null, "OutboxUrl")]
    [InlineData("Carrier pigeon", "http://127.0.0.1:5301", "Delivery")]
    public void Other_deliveries_need_their_settings(string delivery, string? outbox, string named)
    {
        var result = _validator.Validate(null, new EmailOptions { From = "a@example.com", Delivery = delivery, OutboxUrl = outbox });

        Assert.True(result.Failed);
        Assert.Contains(named, result.FailureMessage, StringComparison.Ordinal);
    }
}
