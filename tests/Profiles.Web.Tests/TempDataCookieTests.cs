using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using Profiles.Web.Tests.Infrastructure;

namespace Profiles.Web.Tests;

/// <summary>A plain page view sends no TempData <c>Set-Cookie</c>; a status message still travels through the cookie and is
/// cleared once shown.</summary>
public sealed class TempDataCookieTests : IAsyncLifetime
{
    private const string TempDataCookie = ".AspNetCore.Mvc.CookieTempDataProvider";
    private FakeOidcProvider _provider = null!;

    public async Task InitializeAsync() => _provider = await FakeOidcProvider.StartAsync();

    public async Task DisposeAsync() => await _provider.DisposeAsync();

    [Fact]
    public async Task The_overview_with_no_TempData_sets_no_TempData_cookie()
    {
        await using var portal = PortalFactory.For(_provider);
        portal.Profiles.Setup(p => p.GetProfileAsync(FakeOidcProvider.Subject, It.IsAny<CancellationToken>())).ReturnsAsync(SampleProfiles.Alice());
        var client = portal.CreatePortalClient();
        await PortalSession.SignInSuccessfullyAsync(client);

        var first = await client.GetAsync("/");
        var second = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Null(PortalSession.SetCookieHeader(first, TempDataCookie));
        Assert.Null(PortalSession.SetCookieHeader(second, TempDataCookie));
    }

    [Fact]
    public async Task The_signed_out_home_page_sets_no_TempData_cookie()
    {
        await using var portal = PortalFactory.For(_provider);
        var client = portal.CreatePortalClient();

        var home = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Null(PortalSession.SetCookieHeader(home, TempDataCookie));
    }

    [Fact]
    public async Task A_status_message_in_TempData_is_shown_once_and_its_cookie_cleared()
    {
        await using var portal = PortalFactory.For(_provider);
        var client = portal.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = false });
        var carried = TempDataCookieFor(portal, new Dictionary<string, object> { ["StatusMessage"] = "Saved." });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", carried);

        var response = await client.SendAsync(request);

        var cleared = PortalSession.SetCookieHeader(response, TempDataCookie);
        Assert.NotNull(cleared);
        Assert.Contains("expires=Thu, 01 Jan 1970", cleared, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The <c>name=value</c> of a TempData cookie holding <paramref name="values"/>, made by the portal's own provider.</summary>
    private static string TempDataCookieFor(PortalFactory portal, IDictionary<string, object> values)
    {
        var context = new DefaultHttpContext { RequestServices = portal.Services };
        context.Request.Scheme = "https";
        context.Request.Host = new HostString("localhost");
        portal.Services.GetRequiredService<CookieTempDataProvider>().SaveTempData(context, values);
        var header = context.Response.Headers.SetCookie.Single(c => c!.StartsWith(TempDataCookie + "=", StringComparison.Ordinal))!;
        return header[..header.IndexOf(';', StringComparison.Ordinal)];
    }
}
