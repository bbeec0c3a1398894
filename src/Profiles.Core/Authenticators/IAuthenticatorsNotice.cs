using Profiles.Core.Mail;
using Profiles.Core.Profiles;

namespace Profiles.Core.Authenticators;

/// <summary>Writes the "two-step verification changed" email in the user's language (the web layer owns the texts).</summary>
public interface IAuthenticatorsNotice
{
    /// <param name="change">The security action (<c>authenticator_added</c>, …) that says what changed.</param>
    EmailMessage Compose(UserProfile profile, string to, string change);
}
