using Microsoft.Extensions.Localization;
using Profiles.Core.Account;
using Profiles.Web.Localization;

namespace Profiles.Web.AccountEmail;

/// <summary>The user-facing sentence for each email journey result.</summary>
public static class EmailResultText
{
    public static string For(IStringLocalizer<EmailResource> localizer, EmailChangeResult result)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        ArgumentNullException.ThrowIfNull(result);
        return result.Outcome switch
        {
            EmailChangeOutcome.WrongCode => localizer["Error.WrongCode", result.AttemptsLeft],
            EmailChangeOutcome.Throttled => localizer["Error.CodeThrottled", Wait(localizer, result.RetryAfter)],
            EmailChangeOutcome.Unavailable => localizer["Error.Unavailable", Wait(localizer, result.RetryAfter)],
            _ => localizer["EmailChange." + result.Outcome],
        };
    }

    public static string For(IStringLocalizer<EmailResource> localizer, VerificationEmailResult result)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        ArgumentNullException.ThrowIfNull(result);
        return result.Outcome switch
        {
            VerificationEmailOutcome.Sent => localizer["Verification.Sent"],
            VerificationEmailOutcome.Throttled => localizer["Verification.Throttled", Wait(localizer, result.RetryAfter)],
            VerificationEmailOutcome.Uncertain => localizer["Verification.Uncertain", Wait(localizer, result.RetryAfter)],
            VerificationEmailOutcome.Failed => localizer["Verification.Failed", Wait(localizer, result.RetryAfter)],
            _ => localizer["Verification." + result.Outcome],
        };
    }

    /// <summary>"2 minutes" / "a few seconds", rounded up so the user never comes back too early.</summary>
    public static string Wait(IStringLocalizer<EmailResource> localizer, TimeSpan? wait)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        if (wait is not { } value || value <= TimeSpan.FromSeconds(60))
        {
            return localizer["Wait.Minute"];
        }

        return localizer["Wait.Minutes", (int)Math.Ceiling(value.TotalMinutes)];
    }
}
