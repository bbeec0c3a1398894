using Profiles.LocalTenant.Data;
using Profiles.LocalTenant.Hosting;
using Profiles.Web.Hosting;
using Profiles.Web.SignInMethods;

namespace Profiles.Web.Tests.Infrastructure;

/// <summary>A real, in-memory local tenant with the portal under test registered as a client at <c>https://localhost</c>.</summary>
internal static class PortalTenant
{
    /// <param name="time">The tenant's clock; journey tests share the portal's fake clock so that a sign-in made "later"
    /// carries a matching <c>auth_time</c>.</param>
    public static Task<EmbeddedLocalTenant> StartAsync(string clientId, string clientSecret, TimeProvider? time = null) =>
        EmbeddedLocalTenant.StartAsync("Development", options =>
        {
            options.DatabasePath = ":memory:";
            options.AdditionalClients.Add(new TenantClient
            {
                ClientId = clientId,
                ClientSecret = clientSecret,
                Name = "Portal under test",
                Callbacks = ["https://localhost/signin-auth0", "https://localhost" + LinkAuthentication.CallbackPath],
                AllowedLogoutUrls = ["https://localhost/"],
                ManagementScopes = [.. EmbeddedTenantBootstrap.ManagementScopes],
            });
        }, timeProvider: time);

    /// <summary>The settings that point the portal at the tenant's client.</summary>
    public static Dictionary<string, string?> Settings(string clientId, string clientSecret) =>
        new() { ["Auth0:ClientId"] = clientId, ["Auth0:ClientSecret"] = clientSecret };
}
