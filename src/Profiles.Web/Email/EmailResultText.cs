using Microsoft.Extensions.Localization;
using Profiles.Core.Email;
using Profiles.Web.Hosting;
using Profiles.Web.Localization;

namespace Profiles.Web.Email;

/// <summary>The user-facing sentence for each email journey result.</summary>
public static class EmailResultText
{
    /// <summary>The sentence for an email change step's result code (<see cref="EmailChangeCodes"/>).</summary>
    public static ResultText ForEmailChange(IStringLocalizer<EmailResource> localizer)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        return (code, result, arguments) => code switch
        {
            EmailChangeCodes.WrongCode => localizer["Error.WrongCode", arguments.Count > 0 ? arguments[0] : 0],
            EmailChangeCodes.Throttled => localizer["Error.CodeThrottled", Wait(localizer, result.RetryAfter)],
            EmailChangeCodes.Unavailable => localizer["Error.Unavailable", Wait(localizer, result.RetryAfter)],
            _ => localizer["EmailChange." + code],
        };
    }

    /// <summary>The sentence for a verification email resend's result code (<see cref="VerificationEmailCodes"/>).</summary>
    public static ResultText ForVerification(IStringLocalizer<EmailResource> localizer)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        return (code, result, _) => code switch
        {
            VerificationEmailCodes.Sent => localizer["Verification.Sent"],
            VerificationEmailCodes.Throttled => localizer["Verification.Throttled", Wait(localizer, result.RetryAfter)],
            VerificationEmailCodes.Uncertain => localizer["Verification.Uncertain", Wait(localizer, result.RetryAfter)],
            VerificationEmailCodes.Failed => localizer["Verification.Failed", Wait(localizer, result.RetryAfter)],
            _ => localizer["Verification." + code],
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
