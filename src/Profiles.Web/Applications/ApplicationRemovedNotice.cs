using Microsoft.Extensions.Localization;
using Profiles.Core.Applications;
using Profiles.Core.Mail;
using Profiles.Core.Profiles;
using Profiles.Web.Localization;

namespace Profiles.Web.Applications;

/// <summary>The "an application's access was removed" email, in the user's stored language (else the request's), with the time
/// in their time zone.</summary>
public sealed class ApplicationRemovedNotice(IStringLocalizer<ApplicationsResource> localizer, SecurityNoticeComposer composer) : IApplicationRemovedNotice
{
    /// <summary>The email's kind; in the outbox it reads <c>portal:application_removed</c>.</summary>
    public const string Kind = "application_removed";

    public EmailMessage Compose(UserProfile profile, string to, string applicationName) =>
        composer.Compose(profile, to, Kind, localizer, when => localizer["Notice.Body", applicationName, when]);
}
