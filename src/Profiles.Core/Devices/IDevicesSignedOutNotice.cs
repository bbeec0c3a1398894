using Profiles.Core.Mail;
using Profiles.Core.Profiles;

namespace Profiles.Core.Devices;

/// <summary>Writes the "devices were signed out of your account" email in the user's language (the web layer owns the texts).</summary>
public interface IDevicesSignedOutNotice
{
    /// <summary><paramref name="everywhereElse"/>: every other device was signed out, rather than one.</summary>
    EmailMessage Compose(UserProfile profile, string to, bool everywhereElse);
}
