namespace Profiles.Web.Authentication;

/// <summary>How sign-out ends the Auth0 session, section <c>Profiles:SignOut</c>.</summary>
public sealed class SignOutOptions
{
    public const string SectionName = "Profiles:SignOut";

    /// <summary>Use the tenant's <c>end_session_endpoint</c> (<c>/oidc/logout</c>) when its discovery document advertises one.
    /// Off by default: the portal keeps no ID token to send as <c>id_token_hint</c>, and without one Auth0 may ask the user to
    /// confirm the logout (always, when its session has already ended, e.g. after a password change); <c>/v2/logout</c>, the
    /// Auth0 SDK's way, never asks.</summary>
    public bool UseEndSessionEndpoint { get; set; }
}
