namespace Profiles.Web.Hosting;

/// <summary>The portal's public address, setting <c>Profiles:PublicOrigin</c> (section <c>Profiles</c>).</summary>
public sealed class PublicOriginOptions
{
    public const string SectionName = "Profiles";

    /// <summary>Scheme, host and port the users reach the portal on, e.g. <c>https://account.example.com</c>. Required outside
    /// Development and Testing; there it defaults to the address the portal is bound to.</summary>
    public string? PublicOrigin { get; set; }
}
