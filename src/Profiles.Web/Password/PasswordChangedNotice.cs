using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Profiles.Core.Account;
using Profiles.Core.Email;
using Profiles.Core.Preferences;
using Profiles.Core.Profiles;
using Profiles.Web.Localization;
using Profiles.Web.Preferences;

namespace Profiles.Web.Password;

/// <summary>The "your password was changed" email, in the user's stored language (else the request's), with the time in their
/// time zone.</summary>
public sealed class PasswordChangedNotice(
    IStringLocalizer<PasswordResource> localizer,
    IOptions<PreferencesOptions> preferences,
    TimeProvider timeProvider) : IPasswordChangedNotice
{
    /// <summary>The email's kind; in the outbox it reads <c>portal:password_changed</c>.</summary>
    public const string Kind = "password_changed";

    public EmailMessage Compose(UserProfile profile, string to)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var uiCulture = CultureInfo.CurrentUICulture;
        var culture = CultureInfo.CurrentCulture;
        var language = Language(profile);
        try
        {
            if (language is not null)
            {
                CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(language);
            }

            var name = profile.GivenName ?? profile.Name ?? profile.Nickname ?? to;
            var when = UserClock.Format(timeProvider.GetUtcNow(), profile.UserMetadata);
            var body = string.Join("\n\n",
                localizer["Notice.Greeting", name].Value,
                localizer["Notice.Body", when].Value,
                localizer["Notice.IfYou"].Value,
                localizer["Notice.IfNotYou"].Value,
                localizer["Notice.Signature"].Value) + "\n";
            return new EmailMessage(to, localizer["Notice.Subject"].Value, body, Kind);
        }
        finally
        {
            CultureInfo.CurrentUICulture = uiCulture;
            CultureInfo.CurrentCulture = culture;
        }
    }

    private string? Language(UserProfile profile)
    {
        var stored = preferences.Value.UiLanguageOf(profile.UserMetadata);
        return PortalCultures.IsSupported(stored) ? stored : null;
    }
}
