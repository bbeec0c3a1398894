using Microsoft.Extensions.Localization;
using Profiles.Core.Authenticators;
using Profiles.Core.Mail;
using Profiles.Core.Profiles;
using Profiles.Web.Localization;

namespace Profiles.Web.Authenticators;

/// <summary>The "your two-step verification changed" email, in the user's stored language, with the time in their time zone.</summary>
public sealed class AuthenticatorsNotice(IStringLocalizer<AuthenticatorsResource> localizer, SecurityNoticeComposer composer) : IAuthenticatorsNotice
{
    /// <summary>The email's kind; in the outbox it reads <c>portal:authenticators_changed</c>.</summary>
    public const string Kind = "authenticators_changed";

    public EmailMessage Compose(UserProfile profile, string to, string change) =>
        composer.Compose(profile, to, Kind, localizer, when => localizer["Notice." + change, when]);
}
