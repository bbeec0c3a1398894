using System.ComponentModel.DataAnnotations;

namespace Profiles.Web.Authentication;

/// <summary>The recent sign-in window for sensitive actions, section <c>Profiles:Security</c>.</summary>
public sealed class RecentSignInOptions
{
    public const string SectionName = "Profiles:Security";

    /// <summary>How old the sign-in (<c>auth_time</c>) may be for a password or email change, linking, unlinking, data export
    /// or deletion, in seconds. Default 300 (5 minutes).</summary>
    [Range(30, 24 * 60 * 60)]
    public int RecentSignInSeconds { get; set; } = 300;
}
