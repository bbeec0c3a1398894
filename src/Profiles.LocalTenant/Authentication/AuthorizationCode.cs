namespace Profiles.LocalTenant.Authentication;

/// <summary>What an issued authorization code stands for.</summary>
public sealed record AuthorizationCode(
    string ClientId,
    string RedirectUri,
    string UserId,
    string SessionId,
    string Scope,
    string? Nonce,
    string? CodeChallenge,
    string? CodeChallengeMethod,
    DateTimeOffset AuthTime,
    DateTimeOffset ExpiresAt);
