using Profiles.Core.Mail;

namespace Profiles.Core.SignInMethods;

/// <summary>Writes the notices sent after a link or unlink, in the user's language (implemented where the texts live).</summary>
public interface ILinkingNotices
{
    /// <param name="preferredLanguage">The user's <c>preferred_language</c>, if any.</param>
    EmailMessage Linked(string to, string? preferredLanguage, string connectionLabel);

    EmailMessage Unlinked(string to, string? preferredLanguage, string connectionLabel);
}
