using Profiles.Core.Mail;
using Profiles.Core.Profiles;

namespace Profiles.Core.Applications;

/// <summary>Writes the "an application's access was removed" email in the user's language (the web layer owns the texts).</summary>
public interface IApplicationRemovedNotice
{
    EmailMessage Compose(UserProfile profile, string to, string applicationName);
}
