namespace Profiles.Web.Authentication;

/// <summary>Turns the configured <c>Auth0:Domain</c> into the authority URL (scheme and host, no trailing slash).</summary>
public static class Auth0Authority
{
    /// <summary>A bare host becomes <c>https://host</c>; a full URL is kept (callers decide whether <c>http</c> is acceptable).</summary>
    public static string FromDomain(string domain)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(domain);
        var trimmed = domain.Trim().TrimEnd('/');
        if (trimmed.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ||
            trimmed.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            return trimmed;
        }

        return "https://" + trimmed;
    }

    /// <summary>The ID token issuer Auth0 uses: the authority with a trailing slash.</summary>
    public static string Issuer(string authority) => authority + "/";
}
