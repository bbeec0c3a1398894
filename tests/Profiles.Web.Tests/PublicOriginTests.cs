using System.Net;
using Microsoft.AspNetCore.WebUtilities;
using Moq;
using Profiles.Core.Profiles;
using Profiles.Web.Tests.Infrastructure;

namespace Profiles.Web.Tests;

/// <summary>Every absolute URL the portal sends out is built from <c>Profiles:PublicOrigin</c> (https://localhost in these
/// tests), never from the Host header the request came with.</summary>
public sealed class PublicOriginTests : FakeProviderPortalTests
{
    private const string ForgedHost = "evil.example";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Portal.Profiles.Setup(p => p.GetProfileAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync(SampleProfiles.Alice());
    }

    [Fact]
    public async Task A_forged_host_does_not_reach_the_sign_in_redirect_uri()
    {
        var client = Portal.CreatePortalClient();

        var response = await SendWithForgedHostAsync(client, new HttpRequestMessage(HttpMethod.Get, "/account/login"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var query = QueryHelpers.ParseQuery(response.Headers.Location!.Query);
        Assert.Equal("https://localhost/signin-auth0", query["redirect_uri"]);
    }

    [Fact]
    public async Task A_forged_host_does_not_reach_the_linking_redirect_uri()
    {
        var client = Portal.CreatePortalClient();
        await PortalSession.SignInSuccessfullyAsync(client);
        var page = await PortalSession.GetDocumentAsync(client, "/signinmethods");
        var form = new FormUrlEncodedContent([
            new("__RequestVerificationToken", PortalSession.AntiforgeryToken(page)),
            new("Input.Connection", "github"),
        ]);

        var response = await SendWithForgedHostAsync(client, new HttpRequestMessage(HttpMethod.Post, "/signinmethods?handler=Link") { Content = form });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var query = QueryHelpers.ParseQuery(response.Headers.Location!.Query);
        Assert.Equal("https://localhost/account/link/callback", query["redirect_uri"]);
    }

    [Fact]
    public async Task A_forged_host_does_not_reach_the_sign_out_return_address()
    {
        var client = Portal.CreatePortalClient();
        await PortalSession.SignInSuccessfullyAsync(client);
        var home = await PortalSession.GetDocumentAsync(client, "/");
        var form = new FormUrlEncodedContent([new("__RequestVerificationToken", PortalSession.AntiforgeryToken(home))]);

        var response = await SendWithForgedHostAsync(client, new HttpRequestMessage(HttpMethod.Post, "/account/logout") { Content = form });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var query = QueryHelpers.ParseQuery(response.Headers.Location!.Query);
        Assert.Equal("https://localhost/", query["returnTo"]);
    }

    private static async Task<HttpResponseMessage> SendWithForgedHostAsync(HttpClient client, HttpRequestMessage request)
    {
        using (request)
        {
            request.Headers.Host = ForgedHost;
            return await client.SendAsync(request);
        }
    }
}
