using System.ComponentModel.DataAnnotations;

namespace Profiles.Web.Authentication;

/// <summary>Portal session settings, section <c>Profiles:Session</c>.</summary>
public sealed class SessionOptions
{
    public const string SectionName = "Profiles:Session";

    /// <summary>Idle lifetime of the session cookie in minutes (sliding).</summary>
    [Range(1, 24 * 60)]
    public int LifetimeMinutes { get; set; } = 60;

    /// <summary>Longest a session lasts from sign-in however active it is, in hours; then the user signs in again.</summary>
    [Range(1, 30 * 24)]
    public int AbsoluteLifetimeHours { get; set; } = 12;
}
