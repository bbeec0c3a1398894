using System.ComponentModel.DataAnnotations;

namespace Profiles.Core.Authenticators;

/// <summary>Two-step verification page settings, section <c>Profiles:Authenticators</c>.</summary>
public sealed class AuthenticatorsOptions
{
    public const string SectionName = "Profiles:Authenticators";

    /// <summary>Whether the page asks for a My Account API token and enrols in the portal. Off (or when the tenant has not
    /// activated the API): listing and removal use the Management API and enrolment goes through Guardian enrolment tickets.</summary>
    public bool UseMyAccountApi { get; set; } = true;

    /// <summary>Whether the tenant requires two-step verification: the user's last second factor cannot be removed.</summary>
    public bool RequireMfa { get; set; }

    /// <summary>Wrong one-time codes allowed per enrolment before it has to be started again.</summary>
    [Range(1, 10)]
    public int MaxCodeAttempts { get; set; } = 5;

    /// <summary>How long an enrolment started on the page can be finished.</summary>
    [Range(1, 60)]
    public int EnrollmentMinutes { get; set; } = 10;

    /// <summary>The database connection passkeys are enrolled for (the My Account API asks which).</summary>
    [RegularExpression("^[a-zA-Z0-9-]{1,128}$")]
    public string PasskeyConnection { get; set; } = "Username-Password-Authentication";

    /// <summary>Authenticator names by AAGUID, added to (or overriding) the built-in table of well-known ones.</summary>
    public Dictionary<string, string> KnownAuthenticators { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
