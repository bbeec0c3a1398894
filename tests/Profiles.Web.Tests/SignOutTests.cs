using System.Net;
using Moq;
using Profiles.Web.Tests.Infrastructure;

namespace Profiles.Web.Tests;

public sealed class SignOutTests : IAsyncLifetime
{
    private FakeOidcProvider _provider = null!;
    private PortalFactory _portal = null!;

    public async Task InitializeAsync()
    {
        _provider = await FakeOidcProvider.StartAsync();
        _portal = PortalFactory.For(_provider);
        _portal.Profiles.Setup(p => p.GetProfileAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync(SampleProfiles.Alice());
    }

    public async Task DisposeAsync()
    {
        await _portal.DisposeAsync();
        await _provider.DisposeAsync();
    }

    [Fact]
    public async Task Sign_out_without_an_antiforgery_token_is_rejected()
    {
        var client = _portal.CreatePortalClient();
        await PortalSession.SignInSuccessfullyAsync(client);

        var response = await PortalSession.PostFormAsync(client, "/account/logout", []);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var home = await PortalSession.GetDocumentAsync(client, "/");
        Assert.NotNull(home.QuerySelector("nav.account-nav"));
    }

    [Fact]
    public async Task Sign_out_clears_the_cookie_and_redirects_to_auth0_logout_with_client_id_and_escaped_return_to()
    {
        var client = _portal.CreatePortalClient();
        await PortalSession.SignInSuccessfullyAsync(client);
        var home = await PortalSession.GetDocumentAsync(client, "/");
        var form = home.QuerySelector("header form[action='/account/logout']")!;
        var token = form.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;

        var response = await PortalSession.PostFormAsync(client, "/account/logout", [new("__RequestVerificationToken", token)]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(
            $"{_provider.BaseUrl}/v2/logout?client_id={FakeOidcProvider.ClientId}&returnTo=https%3A%2F%2Flocalhost%2F",
            response.Headers.Location!.OriginalString);
        var cleared = PortalSession.SetCookieHeader(response, "__Host-profiles");
        Assert.NotNull(cleared);
        Assert.Contains("expires=Thu, 01 Jan 1970", cleared, StringComparison.OrdinalIgnoreCase);
        var after = await PortalSession.GetDocumentAsync(client, "/");
        Assert.Null(after.QuerySelector("nav.account-nav"));
    }

    [Fact]
    public async Task Sign_out_after_the_portal_session_expired_still_ends_the_auth0_session()
    {
        // The session cookie has lapsed: the request is anonymous, and the page's token (bound to the former user) cannot match.
        var client = _portal.CreatePortalClient();

        var response = await PortalSession.PostFormAsync(client, "/account/logout", [new("__RequestVerificationToken", "stale-token")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith($"{_provider.BaseUrl}/v2/logout?client_id={FakeOidcProvider.ClientId}&returnTo=", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }
}
