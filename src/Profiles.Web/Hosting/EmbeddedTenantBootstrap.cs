using System.Security.Cryptography;
using Microsoft.AspNetCore.WebUtilities;
using Profiles.LocalTenant.Data;
using Profiles.LocalTenant.Hosting;
using Profiles.Web.SignInMethods;

namespace Profiles.Web.Hosting;

/// <summary>
/// The embedded default: in Development with no <c>Auth0:Domain</c>, the portal starts the local tenant in-process on
/// <see cref="TenantUrl"/> (or <see cref="LocalhostTenantUrl"/>, <see cref="TenantUrlFor"/>), registers itself as a client with a
/// fresh secret and points its configuration at it.
/// </summary>
public static class EmbeddedTenantBootstrap
{
    public const string TenantUrl = "http://127.0.0.1:5301";

    /// <summary>The tenant's address when the portal is served on <c>localhost</c>.</summary>
    public const string LocalhostTenantUrl = "http://localhost:5301";
    public const string ClientId = "profiles-portal-embedded";

    private static readonly string[] DefaultPortalUrls = ["http://127.0.0.1:5000", "http://localhost:5000"];

    /// <summary>The Management API scopes the portal uses (docs/auth0-setup.md lists why each is needed).</summary>
    public static readonly IReadOnlyList<string> ManagementScopes =
        ["read:users", "update:users", "delete:users", "create:user_tickets", "read:sessions", "delete:sessions", "read:grants", "delete:grants",
        "read:refresh_tokens", "delete:refresh_tokens", "read:logs_users", "read:clients",
        "read:authentication_methods", "update:authentication_methods", "delete:authentication_methods", "create:guardian_enrollment_tickets"];

    /// <summary>Starts the tenant when needed; returns null (and starts nothing) otherwise. Never starts in Production.</summary>
    public static async Task<EmbeddedLocalTenant?> StartIfNeededAsync(WebApplicationBuilder builder, CancellationToken cancellationToken)
    {
        if (!builder.Environment.IsDevelopment() || !string.IsNullOrWhiteSpace(builder.Configuration["Auth0:Domain"]))
        {
            return null;
        }

        var secret = Base64UrlTextEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        var portalUrls = PortalUrls(builder.Configuration["urls"]);
        var tenant = await EmbeddedLocalTenant.StartAsync(
            builder.Environment.EnvironmentName,
            options => options.AdditionalClients.Add(new TenantClient
            {
                ClientId = ClientId,
                ClientSecret = secret,
                Name = "Profiles portal (embedded)",
                Callbacks = portalUrls.SelectMany(u => new[] { u + "/signin-auth0", u + LinkAuthentication.CallbackPath }).ToList(),
                AllowedLogoutUrls = portalUrls.Select(u => u + "/").ToList(),
                ManagementScopes = [.. ManagementScopes],
            }),
            TenantUrlFor(builder.Configuration["urls"]),
            cancellationToken: cancellationToken);

        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Auth0:Domain"] = tenant.BaseUrl,
            ["Auth0:ClientId"] = ClientId,
            ["Auth0:ClientSecret"] = secret,
            ["Auth0:Management:ClientId"] = ClientId,
            ["Auth0:Management:ClientSecret"] = secret,
            // The portal's own emails (codes, notices) go to the same outbox as the tenant's.
            ["Profiles:Email:Delivery"] = "LocalTenantOutbox",
            ["Profiles:Email:OutboxUrl"] = tenant.BaseUrl,
            ["Profiles:Email:From"] = "Profiles (development) <no-reply@profiles.invalid>",
        });
        return tenant;
    }

    /// <summary>
    /// Where the tenant runs: on <c>localhost</c> when every address the portal is served on (ASPNETCORE_URLS / <c>urls</c>) is
    /// <c>localhost</c>, else on 127.0.0.1. The tenant's WebAuthn relying party ID is its host, and browsers accept passkeys only
    /// for a host name (never an IP address) that is the page's host or a suffix of it: with both on <c>localhost</c>, passkeys
    /// can be added from the portal's pages and used at sign-in.
    /// </summary>
    public static string TenantUrlFor(string? configuredUrls)
    {
        var urls = (configuredUrls ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return urls.Length > 0 && urls.All(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) && uri.IsLoopback
            && string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase))
            ? LocalhostTenantUrl
            : TenantUrl;
    }

    /// <summary>The portal's own root URLs: the launch profile's defaults plus those in ASPNETCORE_URLS / <c>urls</c>.</summary>
    public static IReadOnlyList<string> PortalUrls(string? configuredUrls)
    {
        var urls = new List<string>(DefaultPortalUrls);
        foreach (var raw in (configuredUrls ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var url = raw.TrimEnd('/');
            foreach (var wildcard in new[] { "://+", "://*", "://0.0.0.0", "://[::]" })
            {
                if (url.Contains(wildcard, StringComparison.Ordinal))
                {
                    urls.Add(url.Replace(wildcard, "://127.0.0.1", StringComparison.Ordinal));
                    url = url.Replace(wildcard, "://localhost", StringComparison.Ordinal);
                }
            }

            urls.Add(url);
        }

        return urls.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }
}
