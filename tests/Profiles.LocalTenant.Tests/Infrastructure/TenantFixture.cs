using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Profiles.LocalTenant.Data;
using Profiles.LocalTenant.Hosting;
using Profiles.LocalTenant.Security;

namespace Profiles.LocalTenant.Tests.Infrastructure;

/// <summary>
/// A local tenant on a free 127.0.0.1 port, in memory, seeded with the default seed. Tests talk to it over
/// real HTTP. Create one per test class that mutates data (<c>IClassFixture</c>) or per test with <see cref="StartAsync"/>.
/// </summary>
public sealed class TenantFixture : IAsyncLifetime, IAsyncDisposable
{
    public const string PortalClientId = "profiles-portal-dev";
    public const string PortalClientSecret = "local-tenant-development-only-secret";
    public const string PortalCallback = "http://127.0.0.1:5000/signin-auth0";
    public const string DatabaseConnection = "Username-Password-Authentication";
    public const string AliceId = "auth0|64b97a87b6c808c6f9cc0001";
    public const string BobId = "auth0|64b97a87b6c808c6f9cc0002";
    public const string CarolId = "google-oauth2|103547991597142817347";
    public const string DaveId = "auth0|64b97a87b6c808c6f9cc0004";
    public const string ErinId = "auth0|64b97a87b6c808c6f9cc0005";
    public const string FrankId = "auth0|64b97a87b6c808c6f9cc0006";
    public const string GraceId = "auth0|64b97a87b6c808c6f9cc0007";

    public static readonly string[] AllManagementScopes =
        ["read:users", "update:users", "delete:users", "create:users", "create:user_tickets", "read:sessions", "delete:sessions", "read:grants", "delete:grants",
        "read:refresh_tokens", "delete:refresh_tokens", "read:logs_users", "read:clients",
        "read:authentication_methods", "create:authentication_methods", "update:authentication_methods", "delete:authentication_methods",
        "delete:guardian_enrollments", "create:guardian_enrollment_tickets"];

    private readonly Action<LocalTenantOptions>? _configure;
    private EmbeddedLocalTenant? _tenant;

    public TenantFixture() : this(null, TimeProvider.System)
    {
    }

    // Private: xunit requires a class fixture to have exactly one public constructor.
    private TenantFixture(Action<LocalTenantOptions>? configure, TimeProvider clock)
    {
        _configure = configure;
        Clock = clock;
    }

    /// <summary>The tenant's clock: the system clock for a class fixture, the test's own (usually a
    /// <see cref="FakeTimeProvider"/>) when started with one.</summary>
    public TimeProvider Clock { get; }

    public EmbeddedLocalTenant Tenant => _tenant ?? throw new InvalidOperationException("Fixture not started.");

    public string BaseUrl => Tenant.BaseUrl;

    public TenantStore Store => Tenant.Store;

    /// <summary>A client without cookies or redirects, pointed at the tenant.</summary>
    public HttpClient CreateClient(bool allowRedirects = false, System.Net.CookieContainer? cookies = null)
    {
        var handler = new HttpClientHandler { AllowAutoRedirect = allowRedirects, UseCookies = cookies is not null };
        if (cookies is not null)
        {
            handler.CookieContainer = cookies;
        }

        return new HttpClient(handler) { BaseAddress = new Uri(BaseUrl + "/") };
    }

    /// <summary>A client with a Management API bearer token carrying <paramref name="scopes"/> (all the portal's when null).</summary>
    public HttpClient CreateManagementClient(params string[]? scopes)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ManagementToken(scopes));
        return client;
    }

    /// <summary>Mints a Management API token in-process, as <c>client_credentials</c> would.</summary>
    public string ManagementToken(params string[]? scopes)
    {
        var tokens = Tenant.Services.GetRequiredService<TokenService>();
        var urls = Tenant.Services.GetRequiredService<TenantUrls>();
        var granted = scopes is { Length: > 0 } ? scopes : AllManagementScopes;
        return tokens.CreateAccessToken(PortalClientId + "@clients", urls.ManagementAudience, string.Join(' ', granted), PortalClientId);
    }

    /// <summary>Mints a My Account API token in-process for <paramref name="userId"/>, as the code flow with
    /// <c>audience={base}/me/</c> and <c>openid</c> would (<c>aud</c> is the API and <c>/userinfo</c>).</summary>
    public string MyAccountToken(string userId, params string[] scopes)
    {
        var tokens = Tenant.Services.GetRequiredService<TokenService>();
        var urls = Tenant.Services.GetRequiredService<TenantUrls>();
        return tokens.CreateAccessToken(userId, urls.MyAccountAudience, string.Join(' ', ["openid", .. scopes]), PortalClientId, alsoFor: urls.Issuer + "userinfo");
    }

    /// <summary>A client calling the My Account API as <paramref name="userId"/> with <paramref name="scopes"/>.</summary>
    public HttpClient CreateMyAccountClient(string userId, params string[] scopes)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", MyAccountToken(userId, scopes));
        return client;
    }

    /// <summary>A tenant for one test; pass a <see cref="FakeTimeProvider"/> as <paramref name="clock"/> to move the tenant's
    /// time (sessions, <c>auth_time</c>, codes, tickets, rate limits) instead of waiting.</summary>
    public static async Task<TenantFixture> StartAsync(Action<LocalTenantOptions>? configure = null, TimeProvider? clock = null)
    {
        var fixture = new TenantFixture(configure, clock ?? TimeProvider.System);
        await fixture.InitializeAsync();
        return fixture;
    }

    public async Task InitializeAsync()
        => _tenant = await EmbeddedLocalTenant.StartAsync("Testing", o =>
        {
            o.DatabasePath = null;
            o.Plan = "off";
            _configure?.Invoke(o);
        }, timeProvider: Clock);

    public async Task DisposeAsync()
    {
        if (_tenant is not null)
        {
            await _tenant.DisposeAsync();
            _tenant = null;
        }
    }

    async ValueTask IAsyncDisposable.DisposeAsync() => await DisposeAsync();
}
