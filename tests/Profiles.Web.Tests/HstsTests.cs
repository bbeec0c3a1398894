using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using Profiles.Web.Authentication;
using Profiles.Web.Tests.Infrastructure;

namespace Profiles.Web.Tests;

/// <summary>Outside Development the portal sends HSTS on HTTPS responses, and only there.</summary>
public sealed class HstsTests : IAsyncLifetime
{
    // Outside Development the portal needs its public origin and explicit AllowedHosts; the unreachable tenant's discovery
    // document is served by a stub behind the sign-in handler's back-channel.
    private readonly PortalFactory _portal = new("tenant.example", environment: "Staging",
        extraSettings: new Dictionary<string, string?> { ["Profiles:PublicOrigin"] = "https://portal.example", ["AllowedHosts"] = "portal.example" },
        configureServices: services => services.Configure<OpenIdConnectOptions>(PortalSignIn.Scheme,
            options => options.BackchannelHttpHandler = new StaticDiscoveryHandler("https://tenant.example")));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task Https_responses_carry_hsts_outside_development()
    {
        var client = _portal.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://portal.example"), AllowAutoRedirect = false });

        var response = await client.GetAsync("/");

        Assert.Equal("max-age=31536000", response.Headers.GetValues("Strict-Transport-Security").Single());
        Assert.Contains("form-action 'self' https://tenant.example;", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Http_responses_do_not_carry_hsts()
    {
        var client = _portal.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://portal.example"), AllowAutoRedirect = false });

        var response = await client.GetAsync("/");

        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Outside_development_the_challenge_goes_to_the_https_authority()
    {
        var client = _portal.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://portal.example"), AllowAutoRedirect = false });

        var response = await client.GetAsync("/account/login");

        Assert.StartsWith("https://tenant.example/authorize?", response.Headers.Location!.AbsoluteUri, StringComparison.Ordinal);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Correlation.", StringComparison.Ordinal) && c.Contains("secure", StringComparison.OrdinalIgnoreCase));
        _portal.Profiles.VerifyNoOtherCalls();
    }
}
