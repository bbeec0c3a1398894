namespace Profiles.Web.SignInMethods;

/// <summary>Names of the second authorization that signs in the account to link, without touching the portal session.</summary>
public static class LinkAuthentication
{
    /// <summary>The OpenIdConnect scheme of the second authorization (own callback, own state, own correlation cookie).</summary>
    public const string Scheme = "Auth0Link";

    /// <summary>The short-lived cookie that holds only the candidate account until the user confirms or cancels.</summary>
    public const string CandidateScheme = "Auth0LinkCandidate";

    public const string CandidateCookieName = "profiles-link";

    /// <summary>Must be in the application's Allowed Callback URLs (docs/auth0-setup.md).</summary>
    public const string CallbackPath = "/account/link/callback";

    /// <summary>Where the user confirms the link.</summary>
    public const string PreviewPath = "/signinmethods/link";

    /// <summary>Where failures are explained (<c>?problem=</c> one of <see cref="Core.SignInMethods.LinkRefusal"/> or the
    /// sign-in reasons below).</summary>
    public const string ListPath = "/signinmethods";

    public const string InitiatorItem = ".profiles.link.initiator";
    public const string ConnectionItem = ".profiles.link.connection";
    public const string RequestedAtItem = ".profiles.link.requested_at";

    /// <summary>The second sign-in was cancelled at the provider.</summary>
    public const string ProblemCancelled = "cancelled";

    /// <summary>The ID token failed validation (issuer, audience, nonce, signature, freshness).</summary>
    public const string ProblemInvalidToken = "invalid_token";

    /// <summary>The sign-in came back without its state or correlation cookie (too late, or started elsewhere).</summary>
    public const string ProblemExpired = "expired";

    /// <summary>Any other provider error.</summary>
    public const string ProblemFailed = "failed";
}
