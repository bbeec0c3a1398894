using Microsoft.Extensions.Localization;
using Profiles.Core.Email;
using Profiles.Core.Management;
using Profiles.Core.Profiles;
using Profiles.Web.Banners;
using Profiles.Web.Localization;

namespace Profiles.Web.Email;

/// <summary>"Your email address is not verified" with a resend button, on every page while a database user's email is
/// unverified. Reads the cached profile the page loads anyway, so it adds no Management API call. Social providers verify
/// their own addresses, so their users never see it. While a resend is cooling down its button is disabled with a countdown;
/// "I've verified, check again" reads the profile from Auth0 now.</summary>
public sealed class UnverifiedEmailBannerSource(IProfileService profiles, IVerificationEmailService verification, IStringLocalizer<EmailResource> localizer)
    : IAccountBannerSource
{
    public const string Kind = "unverified-email";

    public async Task<AccountBanner?> GetAsync(string userId, CancellationToken cancellationToken)
    {
        UserProfile profile;
        try
        {
            profile = await profiles.GetProfileAsync(userId, cancellationToken);
        }
        catch (ManagementApiException)
        {
            // Auth0 unreachable: the page itself reports it; a banner cannot say anything reliable.
            return null;
        }

        var primary = profile.Identities.FirstOrDefault(i => i.IsPrimary);
        if (profile.EmailVerified || string.IsNullOrEmpty(profile.Email) || primary is null
            || !string.Equals(primary.Provider, "auth0", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var cooldown = await verification.CooldownRemainingAsync(userId, cancellationToken);
        return new AccountBanner(Kind, localizer["Banner.Unverified"], "/Security/Verification", localizer["Banner.Resend"], "Resend",
            (int)Math.Ceiling(cooldown.TotalSeconds), localizer["Banner.ResendWait"], localizer["Banner.CheckAgain"], "Check");
    }
}
