namespace Profiles.Core.SignInMethods;

/// <summary>Account linking settings (<c>Profiles:Linking</c>).</summary>
public sealed class LinkingOptions
{
    public const string SectionName = "Profiles:Linking";

    /// <summary>The connections users may link; when none are configured, <see cref="LinkingOptionsSetup"/> adds the local
    /// tenant's three (Google, GitHub, email and password).</summary>
    public List<LinkableConnection> Connections { get; set; } = [];

    /// <summary>How long the signed-in second account waits for the user's confirmation (the candidate cookie's lifetime).</summary>
    public int CandidateMinutes { get; set; } = 10;

    public LinkableConnection? Find(string? name) =>
        name is null ? null : Connections.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.Ordinal));
}
