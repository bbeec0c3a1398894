namespace Profiles.Web.Authentication;

/// <summary>
/// Sign-in settings, section <c>Auth0</c>. The names mirror the Auth0 ASP.NET Core SDK's options so that swapping the SDK in
/// later only touches <see cref="Auth0LoginExtensions"/>.
/// </summary>
public sealed class Auth0LoginOptions
{
    public const string SectionName = "Auth0";

    /// <summary>The tenant's domain (<c>tenant.eu.auth0.com</c>, served over https), or in Development a full <c>http://</c> URL.</summary>
    public string? Domain { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    public string Scope { get; set; } = "openid profile email";

    public string CallbackPath { get; set; } = "/signin-auth0";
}
