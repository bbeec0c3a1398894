namespace Profiles.Core.SignInMethods;

/// <summary>A connection the operator lets users link to their account (<c>Profiles:Linking:Connections</c>).</summary>
public sealed class LinkableConnection
{
    /// <summary>The Auth0 connection name sent as <c>connection</c> to <c>/authorize</c> (e.g. <c>github</c>).</summary>
    public string Name { get; set; } = "";

    /// <summary>What users see (e.g. "GitHub"); the name when empty.</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>Both accounts must have a verified email before they are linked (rate-limits-and-security.md 2.2.1: the
    /// pre-hijack). Strict by default; turn off only for a provider that never reports verification.</summary>
    public bool RequireVerifiedEmail { get; set; } = true;

    public string Label => string.IsNullOrWhiteSpace(DisplayName) ? Name : DisplayName;
}
