using Microsoft.Extensions.Localization;
using Profiles.Core.Mail;
using Profiles.Core.Password;
using Profiles.Core.Profiles;
using Profiles.Web.Localization;

namespace Profiles.Web.Password;

/// <summary>The "your password was changed" email, in the user's stored language (else the request's), with the time in their
/// time zone.</summary>
public sealed class PasswordChangedNotice(IStringLocalizer<PasswordResource> localizer, SecurityNoticeComposer composer) : IPasswordChangedNotice
{
    /// <summary>The email's kind; in the outbox it reads <c>portal:password_changed</c>.</summary>
    public const string Kind = "password_changed";

    public EmailMessage Compose(UserProfile profile, string to) =>
        composer.Compose(profile, to, Kind, localizer, when => localizer["Notice.Body", when]);
}
