namespace Profiles.LocalTenant.Authentication;

/// <summary>What an issued authorization code stands for. <see cref="Amr"/> lists how the user proved who they are on this
/// login when it was more than a password (<c>mfa</c>); null otherwise, as Auth0 sends no <c>amr</c> then. <see cref="Acr"/> is the
/// multi-factor policy when the request asked for it with <c>acr_values</c> and the second factor was given.</summary>
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
    DateTimeOffset ExpiresAt,
    string? Audience = null,
    IReadOnlyList<string>? Amr = null,
    string? Acr = null);
