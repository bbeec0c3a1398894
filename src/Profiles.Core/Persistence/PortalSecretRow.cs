namespace Profiles.Core.Persistence;

/// <summary>Table <c>portal_secrets</c>: keys the portal generates for itself on first use, so every instance sharing the
/// database agrees on them and nothing new must be configured.</summary>
public sealed class PortalSecretRow
{
    public string Name { get; set; } = "";

    /// <summary>Base64 of the random key.</summary>
    public string Value { get; set; } = "";
}
