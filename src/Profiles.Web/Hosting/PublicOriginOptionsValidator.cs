using Microsoft.Extensions.Options;
using Profiles.Web.Authentication;

namespace Profiles.Web.Hosting;

/// <summary>Start-up checks of <c>Profiles:PublicOrigin</c> and, outside Development and Testing, of <c>AllowedHosts</c> when it is
/// set: links in emails and OIDC redirects must never depend on a Host header an attacker can choose.</summary>
public sealed class PublicOriginOptionsValidator(IHostEnvironment environment, IConfiguration configuration) : IValidateOptions<PublicOriginOptions>
{
    public ValidateOptionsResult Validate(string? name, PublicOriginOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var local = Auth0WebAppAuthenticationExtensions.IsLocal(environment);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.PublicOrigin))
        {
            if (!local)
            {
                failures.Add("Profiles:PublicOrigin is missing (the portal's public address, e.g. https://account.example.com; every link and redirect the portal sends is built from it).");
            }
        }
        else if (ParseOrigin(options.PublicOrigin) is not { } origin)
        {
            failures.Add("Profiles:PublicOrigin must be an absolute http(s) origin without path, query or fragment, e.g. https://account.example.com.");
        }
        else if (!local && origin.Scheme != Uri.UriSchemeHttps)
        {
            failures.Add("Profiles:PublicOrigin must use https outside Development.");
        }

        // Unset, AllowedHosts is the host of the public origin (AllowedHostsFromPublicOrigin); set, it must name hosts.
        var allowedHosts = configuration["AllowedHosts"];
        if (!local && allowedHosts is not null && (string.IsNullOrWhiteSpace(allowedHosts) || allowedHosts.Split(';').Any(h => h.Trim() == "*")))
        {
            failures.Add("AllowedHosts must list the portal's host names (the host of Profiles:PublicOrigin), not '*', outside Development; leave it unset to allow the public origin's host only.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>The origin as a URI, or null when it is not a bare http(s) origin.</summary>
    public static Uri? ParseOrigin(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Uri.TryCreate(value.Trim().TrimEnd('/'), UriKind.Absolute, out var uri) &&
               (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) &&
               uri.AbsolutePath == "/" && uri.Query.Length == 0 && uri.Fragment.Length == 0 && uri.UserInfo.Length == 0
            ? uri
            : null;
    }
}
