namespace Profiles.LocalTenant.Authentication;

/// <summary>A validated <c>/authorize</c> request, kept server-side while the person signs in.</summary>
public sealed record AuthorizationRequest(
    string ClientId,
    string RedirectUri,
    string? State,
    string? Nonce,
    string Scope,
    string? CodeChallenge,
    string? CodeChallengeMethod,
    bool PromptLogin,
    int? MaxAge,
    string? Connection,
    string? LoginHint,
    string? ScreenHint);
