namespace Profiles.Core.Settings;

/// <summary>Turns the configured <c>Domain</c> into an authority URL.</summary>
public static class Auth0Authority
{
    /// <summary>A bare host means https; an explicit <c>http://</c> or <c>https://</c> URL is kept (path dropped).
    /// Returns an empty string for an empty or unusable domain.</summary>
    public static string FromDomain(string? domain)
    {
        var trimmed = domain?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            return "";
        }

        var candidate = trimmed.Contains("://", StringComparison.Ordinal) ? trimmed : "https://" + trimmed;
        if (!Uri.TryCreate(candidate, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || uri.Host.Length == 0)
        {
            return "";
        }

        return uri.GetLeftPart(UriPartial.Authority);
    }
}
