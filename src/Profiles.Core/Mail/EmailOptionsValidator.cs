using Microsoft.Extensions.Options;

namespace Profiles.Core.Mail;

/// <summary>Stops start-up naming each missing email setting.</summary>
public sealed class EmailOptionsValidator : IValidateOptions<EmailOptions>
{
    public ValidateOptionsResult Validate(string? name, EmailOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.From))
        {
            failures.Add("Profiles:Email:From is required (the address the portal's emails come from).");
        }

        switch (options.Delivery)
        {
            case EmailDelivery.Smtp:
                if (string.IsNullOrWhiteSpace(options.SmtpHost))
                {
                    failures.Add("Profiles:Email:SmtpHost is required when Profiles:Email:Delivery is Smtp.");
                }

                if (options.SmtpPort is < 1 or > 65535)
                {
                    failures.Add("Profiles:Email:SmtpPort must be between 1 and 65535.");
                }

                break;
            case EmailDelivery.LocalTenantOutbox:
                if (!Uri.TryCreate(options.OutboxUrl, UriKind.Absolute, out _))
                {
                    failures.Add("Profiles:Email:OutboxUrl must be the local tenant's base URL when Delivery is LocalTenantOutbox.");
                }

                break;
            default:
                failures.Add("Profiles:Email:Delivery must be Smtp or LocalTenantOutbox.");
                break;
        }

        if (options.TimeoutSeconds is < 1 or > 120)
        {
            failures.Add("Profiles:Email:TimeoutSeconds must be between 1 and 120.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
