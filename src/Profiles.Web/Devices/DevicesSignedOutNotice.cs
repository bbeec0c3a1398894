using Microsoft.Extensions.Localization;
using Profiles.Core.Devices;
using Profiles.Core.Mail;
using Profiles.Core.Profiles;
using Profiles.Web.Localization;

namespace Profiles.Web.Devices;

/// <summary>The "devices were signed out" email, in the user's stored language (else the request's), with the time in their
/// time zone.</summary>
public sealed class DevicesSignedOutNotice(IStringLocalizer<DevicesResource> localizer, SecurityNoticeComposer composer) : IDevicesSignedOutNotice
{
    /// <summary>The email's kind; in the outbox it reads <c>portal:devices_signed_out</c>.</summary>
    public const string Kind = "devices_signed_out";

    public EmailMessage Compose(UserProfile profile, string to, bool everywhereElse) =>
        composer.Compose(profile, to, Kind, localizer, when => localizer[everywhereElse ? "Notice.All" : "Notice.One", when]);
}
