namespace Profiles.LocalTenant.Authentication;

/// <summary>A validated <c>/authorize</c> request, kept server-side while the person signs in. <see cref="Reason"/> is the
/// application's <c>ext-reason</c> parameter: Auth0 hands <c>ext-</c> parameters to custom login page templates, and this
/// tenant shows it above the sign-in form. <see cref="UiLocales"/> is <c>ui_locales</c>: the languages its login pages
/// should use, in order of preference. <see cref="Audience"/> is the API the access token is for (null: <c>/userinfo</c> only).</summary>
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
    string? ScreenHint,
    string? Reason = null,
    string? UiLocales = null,
    string? Audience = null);
