namespace Profiles.Core.Authenticators;

/// <summary>Why an authenticators operation did not do what was asked, and which success it was.</summary>
public static class AuthenticatorsCodes
{
    /// <summary>Auth0 did not answer (or asked to wait: the result carries the wait); nothing changed.</summary>
    public const string Unavailable = "unavailable";

    /// <summary>The method asked for is not the user's (or is already gone).</summary>
    public const string NotFound = "not_found";

    /// <summary>Removing it would leave no second factor while the operator requires two-step verification.</summary>
    public const string LastFactor = "last_factor";

    /// <summary>The nickname is empty or longer than Auth0's 20 characters.</summary>
    public const string InvalidName = "invalid_name";

    /// <summary>The one-time code was not accepted; its argument is the attempts left.</summary>
    public const string WrongCode = "wrong_code";

    /// <summary>The code is not six digits.</summary>
    public const string CodeFormat = "code_format";

    /// <summary>Too many wrong codes, or the enrolment expired: start again.</summary>
    public const string EnrollmentEnded = "enrollment_ended";

    /// <summary>The phone number or address is not one Auth0 can send to.</summary>
    public const string InvalidContact = "invalid_contact";

    /// <summary>This kind of method cannot be added here.</summary>
    public const string NotEnrollable = "not_enrollable";

    /// <summary>The My Account API refused the user's token: the page fetches a new one.</summary>
    public const string TokenNeeded = "token_needed";

    /// <summary>Successes.</summary>
    public const string Renamed = "renamed";

    public const string Removed = "removed";

    public const string Enrolled = "enrolled";

    public const string RecoveryCodeRegenerated = "recovery_code_regenerated";

    public const string BrowsersForgotten = "browsers_forgotten";
}
