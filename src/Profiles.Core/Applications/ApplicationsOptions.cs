using System.ComponentModel.DataAnnotations;

namespace Profiles.Core.Applications;

/// <summary>Connected applications and sign-in history, section <c>Profiles:Applications</c>.</summary>
public sealed class ApplicationsOptions
{
    public const string SectionName = "Profiles:Applications";

    /// <summary>Application names by client id. A name here is used as is and saves the <c>GET /clients/{id}</c> call (and the
    /// <c>read:clients</c> scope) for that application.</summary>
    public Dictionary<string, string> ClientNames { get; set; } = new(StringComparer.Ordinal);

    /// <summary>How long a name read from Auth0 is reused before it is read again.</summary>
    [Range(1, 10080)]
    public int ClientNameCacheMinutes { get; set; } = 60;

    /// <summary>Whether the activity page shows the user's Auth0 sign-in history (needs <c>read:logs_users</c>).</summary>
    public bool SignInHistoryEnabled { get; set; } = true;

    /// <summary>How many of the user's most recent Auth0 log events one activity page view reads (one call, 1–100).</summary>
    [Range(1, 100)]
    public int SignInHistoryEvents { get; set; } = 50;

    /// <summary>At most this many pages of refresh tokens (50 each) are read per page view, bounding the call budget.</summary>
    [Range(1, 20)]
    public int MaxRefreshTokenPages { get; set; } = 4;
}
