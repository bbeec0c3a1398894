namespace Profiles.LocalTenant.Login;

/// <summary>What an (emulated) social provider reports about the person signing in.</summary>
public sealed record SocialProfile(
    string ProviderUserId,
    string? Email,
    bool EmailVerified,
    string? Name,
    string? GivenName,
    string? FamilyName,
    string? Nickname,
    string? Picture);
