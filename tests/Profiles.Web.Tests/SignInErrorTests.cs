using System.Net;
using Profiles.Web.Tests.Infrastructure;

namespace Profiles.Web.Tests;

/// <summary>Auth0's error redirects become pages that say what happened and what to do; never a 500.</summary>
public sealed class SignInErrorTests : FakeProviderPortalTests
{
    [Theory]
    [InlineData("unauthorized", "user is blocked", "blocked", "Your account is blocked")]
    [InlineData("unauthorized", "client is not enabled for connection", "unauthorized", "Sign-in not allowed")]
    [InlineData("access_denied", "Access denied by rule", "access_denied", "Access was denied")]
    [InlineData("login_required", "Login required", "login_required", "Please sign in")]
    [InlineData("server_error", "Something broke", "provider_error", "The sign-in service reported a problem")]
    public async Task Error_redirects_render_friendly_pages(string error, string description, string reason, string title)
    {
        Provider.AuthorizeError = (error, description);
        var client = Portal.CreatePortalClient();

        var callback = await PortalSession.SignInAsync(client);

        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.Equal($"/account/signin-error?reason={reason}", callback.Headers.Location!.OriginalString);
        Assert.Null(PortalSession.SetCookieHeader(callback, "__Host-profiles"));
        var page = await client.GetAsync(callback.Headers.Location.OriginalString);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var document = await PortalSession.ParseAsync(page);
        Assert.Equal(title, document.QuerySelector("h1")!.TextContent.Trim());
        Assert.NotNull(document.QuerySelector("a[href='/account/login']"));
        Assert.DoesNotContain(description, document.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Error_redirects_without_state_still_render_the_friendly_page()
    {
        Provider.AuthorizeError = ("unauthorized", "user is blocked");
        Provider.EchoStateOnError = false;
        var client = Portal.CreatePortalClient();

        var callback = await PortalSession.SignInAsync(client);

        Assert.Equal("/account/signin-error?reason=blocked", callback.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Unknown_reasons_show_the_generic_explanation()
    {
        var client = Portal.CreatePortalClient();

        var document = await PortalSession.GetDocumentAsync(client, "/account/signin-error?reason=%3Cscript%3E");

        Assert.Equal("Sign-in failed", document.QuerySelector("h1")!.TextContent.Trim());
    }
}
