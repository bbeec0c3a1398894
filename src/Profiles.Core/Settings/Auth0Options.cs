namespace Profiles.Core.Settings;

/// <summary>The tenant and the portal's own application, section <c>Auth0</c>. Names follow the Auth0 ASP.NET Core SDK.</summary>
public sealed class Auth0Options
{
    public const string SectionName = "Auth0";

    /// <summary>The tenant's host (<c>example.eu.auth0.com</c>, which means https), or a full <c>http://…</c> URL for the
    /// development local tenant.</summary>
    public string Domain { get; set; } = "";

    /// <summary>The portal's Regular Web Application client id.</summary>
    public string ClientId { get; set; } = "";

    public string ClientSecret { get; set; } = "";

    public string Scope { get; set; } = "openid profile email";

    public string CallbackPath { get; set; } = "/signin-auth0";

    /// <summary>Scheme and host of the tenant without a trailing slash, e.g. <c>https://example.eu.auth0.com</c>;
    /// empty while <see cref="Domain"/> is not set.</summary>
    public string Authority => Auth0Authority.FromDomain(Domain);

    /// <summary>The ID token issuer, which Auth0 writes with a trailing slash.</summary>
    public string Issuer => Authority.Length == 0 ? "" : Authority + "/";
}
