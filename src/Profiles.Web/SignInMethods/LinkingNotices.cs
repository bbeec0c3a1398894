using System.Globalization;
using Microsoft.Extensions.Localization;
using Profiles.Core.Mail;
using Profiles.Core.SignInMethods;
using Profiles.Web.Localization;

namespace Profiles.Web.SignInMethods;

/// <summary>The link and unlink notices, in the user's <c>preferred_language</c> when the portal supports it, else the
/// request's language.</summary>
public sealed class LinkingNotices(IStringLocalizer<SignInMethodsResource> localizer, PortalLanguages languages) : ILinkingNotices
{
    public EmailMessage Linked(string to, string? preferredLanguage, string connectionLabel) =>
        Compose(to, preferredLanguage, "Email.Linked.Subject", "Email.Linked.Body", connectionLabel, "identity_linked");

    public EmailMessage Unlinked(string to, string? preferredLanguage, string connectionLabel) =>
        Compose(to, preferredLanguage, "Email.Unlinked.Subject", "Email.Unlinked.Body", connectionLabel, "identity_unlinked");

    private EmailMessage Compose(string to, string? language, string subjectKey, string bodyKey, string connectionLabel, string kind)
    {
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            if (languages.IsSupported(language))
            {
                CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language!);
            }

            return new EmailMessage(to, localizer[subjectKey, connectionLabel], localizer[bodyKey, connectionLabel], kind);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
