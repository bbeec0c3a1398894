using Profiles.Core.Mail;

namespace Profiles.Core.Email;

/// <summary>Writes the emails of the email change journey in the user's language (implemented where the localized texts
/// live).</summary>
public interface IEmailChangeMessages
{
    /// <summary>The one-time code for the new address.</summary>
    EmailMessage Code(string to, string code, TimeSpan lifetime);

    /// <summary>The notice to the old address once the change took effect (the time in <paramref name="timeZone"/>, UTC when
    /// null), saying how to get help.</summary>
    EmailMessage ChangedNotice(string to, string maskedNewEmail, DateTimeOffset changedAt, string? timeZone, string? supportContact);
}
