using System.ComponentModel.DataAnnotations;

namespace Profiles.Core.Devices;

/// <summary>Devices page settings, section <c>Profiles:Devices</c>.</summary>
public sealed class DevicesOptions
{
    public const string SectionName = "Profiles:Devices";

    /// <summary>Whether the page reads and ends Auth0 sessions (Enterprise plans, scopes <c>read:sessions</c>,
    /// <c>delete:sessions</c>, <c>delete:refresh_tokens</c>). Off: it lists and ends the portal's own sessions only.</summary>
    public bool UseAuth0Sessions { get; set; } = true;

    /// <summary>Sessions asked for per Management API call (Auth0 allows 1 to 100).</summary>
    [Range(1, 100)]
    public int PageSize { get; set; } = 50;

    /// <summary>Most sessions read for one page view: a bound on Management calls (pages of <see cref="PageSize"/>).</summary>
    [Range(1, 1000)]
    public int MaxSessions { get; set; } = 200;
}
