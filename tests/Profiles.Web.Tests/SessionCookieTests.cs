using System.Net;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Moq;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Profiles.Web.Tests.Infrastructure;

namespace Profiles.Web.Tests;

public sealed class SessionCookieTests : IAsyncLifetime
{
    private FakeOidcProvider _provider = null!;

    public async Task InitializeAsync() => _provider = await FakeOidcProvider.StartAsync();

    public async Task DisposeAsync() => await _provider.DisposeAsync();

    [Fact]
    public async Task Over_http_in_development_the_cookie_is_named_without_the_host_prefix_and_is_not_secure()
    {
        await using var portal = PortalFactory.For(_provider);
        var client = portal.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://localhost"), AllowAutoRedirect = false });

        var callback = await PortalSession.SignInAsync(client);

        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.Null(PortalSession.SetCookieHeader(callback, "__Host-profiles"));
        var cookie = PortalSession.SetCookieHeader(callback, "profiles");
        Assert.NotNull(cookie);
        Assert.DoesNotContain("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Session_lifetime_is_configurable_and_sliding()
    {
        await using var portal = PortalFactory.For(_provider, new Dictionary<string, string?> { ["Profiles:Session:LifetimeMinutes"] = "15" });
        portal.CreatePortalClient();

        var options = portal.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(CookieAuthenticationDefaults.AuthenticationScheme);

        Assert.Equal(TimeSpan.FromMinutes(15), options.ExpireTimeSpan);
        Assert.True(options.SlidingExpiration);
    }

    [Fact]
    public async Task Default_session_lifetime_is_sixty_minutes()
    {
        await using var portal = PortalFactory.For(_provider);
        portal.CreatePortalClient();

        var options = portal.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(CookieAuthenticationDefaults.AuthenticationScheme);

        Assert.Equal(TimeSpan.FromMinutes(60), options.ExpireTimeSpan);
    }

    [Fact]
    public async Task An_active_session_ends_at_the_absolute_lifetime_however_recently_it_was_used()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var basePortal = PortalFactory.For(_provider, new Dictionary<string, string?>
        {
            ["Profiles:Session:LifetimeMinutes"] = "1440",
            ["Profiles:Session:AbsoluteLifetimeHours"] = "1",
        });
        basePortal.Profiles.Setup(p => p.GetProfileAsync(FakeOidcProvider.Subject, It.IsAny<CancellationToken>())).ReturnsAsync(SampleProfiles.Alice());
        await using var portal = basePortal.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        var client = portal.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
        await PortalSession.SignInSuccessfullyAsync(client);

        clock.Advance(TimeSpan.FromMinutes(50));
        var stillIn = await client.GetAsync("/profile");
        clock.Advance(TimeSpan.FromMinutes(11));
        var expired = await client.GetAsync("/profile");

        Assert.Equal(HttpStatusCode.OK, stillIn.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, expired.StatusCode);
        Assert.Contains("/authorize", expired.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }
}
