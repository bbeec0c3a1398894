using System.Net;
using Moq;
using Profiles.Core.Profiles;
using Profiles.Web.Tests.Infrastructure;

namespace Profiles.Web.Tests;

/// <summary>Sign-out ends the portal session on the server: a copy of the cookie is refused at once, every tab of the browser
/// is signed out, other devices keep their sessions; and the Auth0 session is ended the way the tenant supports.</summary>
public sealed class SignOutEndsSessionTests : FakeProviderPortalTests
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Portal.Profiles.Setup(p => p.GetProfileAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync(SampleProfiles.Alice());
    }

    [Fact]
    public async Task A_copied_session_cookie_is_refused_after_sign_out()
    {
        var browser = Portal.CreatePortalClient();
        var callback = await PortalSession.SignInAsync(browser);
        var copied = SessionCookie(callback);
        Assert.Equal(HttpStatusCode.OK, (await GetWithCookieAsync("/profile", copied)).StatusCode);

        await SignOutAsync(browser);

        var replay = await GetWithCookieAsync("/profile", copied);
        Assert.Equal(HttpStatusCode.Redirect, replay.StatusCode);
        Assert.StartsWith(Provider.BaseUrl + "/authorize", replay.Headers.Location!.AbsoluteUri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_tab_of_the_browser_is_signed_out_and_other_devices_are_not()
    {
        var browser = Portal.CreatePortalClient();
        await PortalSession.SignInSuccessfullyAsync(browser);
        var phone = Portal.CreatePortalClient();
        await PortalSession.SignInSuccessfullyAsync(phone);
        // A second tab of the same browser shares its cookie jar.
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/preferences")).StatusCode);

        await SignOutAsync(browser);

        var otherTab = await browser.GetAsync("/preferences");
        Assert.Equal(HttpStatusCode.Redirect, otherTab.StatusCode);
        Assert.StartsWith(Provider.BaseUrl + "/authorize", otherTab.Headers.Location!.AbsoluteUri, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync("/profile")).StatusCode);
    }

    [Fact]
    public async Task With_the_end_session_setting_a_tenant_that_advertises_it_is_signed_out_there_with_client_id_return_address_and_session_hint()
    {
        Provider.AdvertiseEndSession = true;
        await using var portal = PortalWith(useEndSession: true);
        var browser = portal.CreatePortalClient();
        await PortalSession.SignInSuccessfullyAsync(browser);

        var response = await SignOutAsync(browser);

        Assert.Equal(
            $"{Provider.BaseUrl}/oidc/logout?client_id={FakeOidcProvider.ClientId}&post_logout_redirect_uri=https%3A%2F%2Flocalhost%2F&logout_hint={FakeOidcProvider.SessionId}",
            response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task With_the_end_session_setting_a_tenant_that_does_not_advertise_it_is_signed_out_at_v2_logout()
    {
        await using var portal = PortalWith(useEndSession: true);
        var browser = portal.CreatePortalClient();
        await PortalSession.SignInSuccessfullyAsync(browser);

        var response = await SignOutAsync(browser);

        Assert.StartsWith($"{Provider.BaseUrl}/v2/logout?client_id={FakeOidcProvider.ClientId}&returnTo=", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task By_default_v2_logout_is_used_even_when_the_tenant_advertises_end_session()
    {
        Provider.AdvertiseEndSession = true;
        var browser = Portal.CreatePortalClient();
        await PortalSession.SignInSuccessfullyAsync(browser);

        var response = await SignOutAsync(browser);

        Assert.StartsWith($"{Provider.BaseUrl}/v2/logout?client_id={FakeOidcProvider.ClientId}&returnTo=", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    private PortalFactory PortalWith(bool useEndSession)
    {
        var portal = PortalFactory.For(Provider, new Dictionary<string, string?> { ["Profiles:SignOut:UseEndSessionEndpoint"] = useEndSession ? "true" : "false" });
        portal.Profiles.Setup(p => p.GetProfileAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync(SampleProfiles.Alice());
        return portal;
    }

    private static async Task<HttpResponseMessage> SignOutAsync(HttpClient browser)
    {
        var home = await PortalSession.GetDocumentAsync(browser, "/");
        var token = home.QuerySelector("header form[action='/account/logout'] input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        var response = await PortalSession.PostFormAsync(browser, "/account/logout", [new("__RequestVerificationToken", token)]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response;
    }

    private static string SessionCookie(HttpResponseMessage callback) =>
        PortalSession.SetCookieHeader(callback, "__Host-profiles")!.Split(';')[0];

    /// <summary>A request from another machine that holds only the copied cookie.</summary>
    private async Task<HttpResponseMessage> GetWithCookieAsync(string path, string cookie)
    {
        using var thief = Portal.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://localhost"),
            AllowAutoRedirect = false,
            HandleCookies = false,
        });
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        return await thief.SendAsync(request);
    }
}
