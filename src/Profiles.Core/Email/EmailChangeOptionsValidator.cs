using Microsoft.Extensions.Options;

namespace Profiles.Core.Email;

/// <summary>Refuses settings that would make the code guessable or the flow unusable.</summary>
public sealed class EmailChangeOptionsValidator : IValidateOptions<EmailChangeOptions>
{
    public ValidateOptionsResult Validate(string? name, EmailChangeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.CodeLength is < 6 or > 8)
        {
            failures.Add("Profiles:EmailChange:CodeLength must be between 6 and 8.");
        }

        if (options.MaxAttempts is < 1 or > 10)
        {
            failures.Add("Profiles:EmailChange:MaxAttempts must be between 1 and 10.");
        }

        if (options.CodeLifetimeMinutes is < 1 or > 24 * 60)
        {
            failures.Add("Profiles:EmailChange:CodeLifetimeMinutes must be between 1 and 1440.");
        }

        if (options.MaxCodesPerDay is < 1 or > 100)
        {
            failures.Add("Profiles:EmailChange:MaxCodesPerDay must be between 1 and 100.");
        }

        if (options.SendCooldownSeconds < 0)
        {
            failures.Add("Profiles:EmailChange:SendCooldownSeconds must not be negative.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
