using Profiles.Core.Mail;
using Profiles.Core.Profiles;

namespace Profiles.Core.Password;

/// <summary>Writes the "your password was changed" email in the user's language (the web layer owns the texts).</summary>
public interface IPasswordChangedNotice
{
    EmailMessage Compose(UserProfile profile, string to);
}
