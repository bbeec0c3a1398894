using System.Net;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Profiles.Web.Tests.Infrastructure;

namespace Profiles.Web.Tests;

public sealed class SignInTests : FakeProviderPortalTests
{
    [Fact]
    public async Task Login_redirects_to_authorize_with_code_pkce_state_nonce_and_scope()
    {
        var client = Portal.CreatePortalClient();

        var response = await client.GetAsync("/account/login");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.Equal(Provider.BaseUrl + "/authorize", location.GetLeftPart(UriPartial.Path));
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(location.Query);
        Assert.Equal("code", query["response_type"]);
        Assert.Equal(FakeOidcProvider.ClientId, query["client_id"]);
        Assert.Equal("https://localhost/signin-auth0", query["redirect_uri"]);
        Assert.Equal("openid profile email", query["scope"]);
        Assert.Equal("S256", query["code_challenge_method"]);
        Assert.False(string.IsNullOrEmpty(query["code_challenge"]));
        Assert.False(string.IsNullOrEmpty(query["state"]));
        Assert.True(query["nonce"].ToString().Length >= 32);
    }

    [Fact]
    public async Task Sign_in_end_to_end_sets_a_host_prefixed_cookie_whose_principal_keeps_sub_sid_and_auth_time()
    {
        var client = Portal.CreatePortalClient();

        var callback = await PortalSession.SignInAsync(client, "/account/login?returnUrl=%2Fprofile");

        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.Equal("/profile", callback.Headers.Location!.OriginalString);
        var setCookie = PortalSession.SetCookieHeader(callback, "__Host-profiles");
        Assert.NotNull(setCookie);
        Assert.Contains("secure", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("domain=", setCookie, StringComparison.OrdinalIgnoreCase);

        var cookieValue = setCookie.Split(';')[0]["__Host-profiles=".Length..];
        var cookieOptions = Portal.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>()
            .Get(CookieAuthenticationDefaults.AuthenticationScheme);
        var ticket = cookieOptions.TicketDataFormat.Unprotect(cookieValue);
        Assert.NotNull(ticket);
        var principal = ticket.Principal;
        Assert.Equal(FakeOidcProvider.Subject, principal.FindFirst("sub")?.Value);
        Assert.Equal(FakeOidcProvider.SessionId, principal.FindFirst("sid")?.Value);
        Assert.True(long.TryParse(principal.FindFirst("auth_time")?.Value, out _));
        Assert.Equal("Alice Example", principal.Identity?.Name);
        Assert.Equal("alice@example.com", principal.FindFirst("email")?.Value);
        Assert.Null(principal.FindFirst("nonce"));
        Assert.Null(principal.FindFirst("nickname"));
        Assert.Null(principal.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier));
        Assert.False(ticket.Properties.Items.ContainsKey(".Token.id_token"));
    }

    [Fact]
    public async Task Open_redirects_in_returnUrl_are_ignored()
    {
        var client = Portal.CreatePortalClient();

        var callback = await PortalSession.SignInAsync(client, "/account/login?returnUrl=https%3A%2F%2Fevil.example%2F");

        Assert.Equal("/", callback.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("/profile")]
    [InlineData("/preferences")]
    public async Task Anonymous_requests_to_account_pages_challenge_and_return_there_after_sign_in(string path)
    {
        var client = Portal.CreatePortalClient();

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(Provider.BaseUrl + "/authorize?", response.Headers.Location!.AbsoluteUri, StringComparison.Ordinal);
        var callback = await PortalSession.CompleteAsync(client, response.Headers.Location!);
        Assert.Equal(path, callback.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Anonymous_home_offers_a_sign_in_button()
    {
        var client = Portal.CreatePortalClient();

        var document = await PortalSession.GetDocumentAsync(client, "/");

        var signIn = document.QuerySelectorAll("main a").FirstOrDefault(a => a.GetAttribute("href") == "/account/login");
        Assert.NotNull(signIn);
        Assert.Equal("Sign in", signIn.TextContent.Trim());
        Assert.Null(document.QuerySelector("nav.account-nav"));
    }

    [Fact]
    public async Task A_replayed_callback_is_refused_without_a_500()
    {
        var client = Portal.CreatePortalClient();
        var challenge = await client.GetAsync("/account/login");
        using var providerClient = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var callbackUrl = (await providerClient.GetAsync(challenge.Headers.Location!)).Headers.Location!;
        await client.GetAsync(callbackUrl.PathAndQuery);

        var replay = await client.GetAsync(callbackUrl.PathAndQuery);

        Assert.Equal(HttpStatusCode.Redirect, replay.StatusCode);
        Assert.StartsWith("/account/signin-error?reason=", replay.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }
}
