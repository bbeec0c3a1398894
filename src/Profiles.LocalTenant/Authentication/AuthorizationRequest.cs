namespace Profiles.LocalTenant.Authentication;

/// <summary>A validated <c>/authorize</c> request, kept server-side while the person signs in. <see cref="Reason"/> is the
/// application's <c>ext-reason</c> parameter: Auth0 hands <c>ext-</c> parameters to custom login page templates, and this
/// tenant shows it above the sign-in form. <see cref="UiLocales"/> is <c>ui_locales</c>: the languages its login pages
/// should use, in order of preference. <see cref="Audience"/> is the API the access token is for (null: <c>/userinfo</c> only).
/// <see cref="StepUp"/>: <c>acr_values</c> asked for Auth0's multi-factor policy, so a user with a second factor must give it on this
/// request even with a live session or a remembered browser.</summary>
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
    string? Audience = null,
    bool StepUp = false)
{
    /// <summary>The <c>acr_values</c> (and ID token <c>acr</c>) value of Auth0's multi-factor policy.</summary>
    public const string MultiFactorPolicy = "http://schemas.openid.net/pape/policies/2007/06/multi-factor";
}
