using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Profiles.Core.Mail;
using Profiles.Core.Preferences;
using Profiles.Core.Profiles;
using Profiles.Web.Preferences;

namespace Profiles.Web.Localization;

/// <summary>
/// The shape every security notice email shares (greeting, what happened and when, "if you did this", "if you did not",
/// signature), written in the user's stored language (else the request's) with the time in their time zone. Each notice
/// brings its own resource set with the keys <c>Notice.Subject</c>, <c>Notice.Greeting</c>, <c>Notice.IfYou</c>,
/// <c>Notice.IfNotYou</c> and <c>Notice.Signature</c>, and the sentence that says what happened.
/// </summary>
public sealed class SecurityNoticeComposer(IOptions<PreferencesOptions> preferences, PortalLanguages languages, TimeProvider timeProvider)
{
    /// <param name="whatHappened">The middle sentence, given the time of the event as the user reads it.</param>
    public EmailMessage Compose(UserProfile profile, string to, string kind, IStringLocalizer localizer, Func<string, LocalizedString> whatHappened)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(localizer);
        ArgumentNullException.ThrowIfNull(whatHappened);
        var uiCulture = CultureInfo.CurrentUICulture;
        var culture = CultureInfo.CurrentCulture;
        var stored = preferences.Value.UiLanguageOf(profile.UserMetadata);
        try
        {
            if (languages.IsSupported(stored))
            {
                CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(stored!);
            }

            var name = profile.GivenName ?? profile.Name ?? profile.Nickname ?? to;
            var when = UserClock.Format(timeProvider.GetUtcNow(), profile.UserMetadata);
            var body = string.Join("\n\n",
                localizer["Notice.Greeting", name].Value,
                whatHappened(when).Value,
                localizer["Notice.IfYou"].Value,
                localizer["Notice.IfNotYou"].Value,
                localizer["Notice.Signature"].Value) + "\n";
            return new EmailMessage(to, localizer["Notice.Subject"].Value, body, kind);
        }
        finally
        {
            CultureInfo.CurrentUICulture = uiCulture;
            CultureInfo.CurrentCulture = culture;
        }
    }
}
