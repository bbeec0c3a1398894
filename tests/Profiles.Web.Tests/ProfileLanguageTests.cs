using System.Net;
using System.Text.Json.Nodes;
using Moq;
using Profiles.Core.Management;
using Profiles.Web.Tests.Infrastructure;

namespace Profiles.Web.Tests;

/// <summary>The signed-in user's stored language preference chooses the UI language on every device.</summary>
public sealed class ProfileLanguageTests : IAsyncLifetime
{
    private FakeOidcProvider _provider = null!;
    private PortalFactory _portal = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _provider = await FakeOidcProvider.StartAsync();
        _portal = PortalFactory.For(_provider);
        _client = _portal.CreatePortalClient();
    }

    public async Task DisposeAsync()
    {
        await _portal.DisposeAsync();
        await _provider.DisposeAsync();
    }

    [Fact]
    public async Task The_stored_preference_wins_over_the_browser_languages()
    {
        _portal.Profiles.Setup(p => p.GetProfileAsync(FakeOidcProvider.Subject, It.IsAny<CancellationToken>()))
            .ReturnsAsync(SampleProfiles.Alice(userMetadata: new JsonObject { ["preferred_language"] = "fr" }));
        await PortalSession.SignInSuccessfullyAsync(_client);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Accept-Language", "en-GB,en;q=0.9");
        using var response = await _client.SendAsync(request);
        var document = await PortalSession.ParseAsync(response);

        Assert.Equal("fr", document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Aperçu du compte", document.QuerySelector("h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task An_unsupported_stored_language_falls_back_to_the_browser_languages()
    {
        _portal.Profiles.Setup(p => p.GetProfileAsync(FakeOidcProvider.Subject, It.IsAny<CancellationToken>()))
            .ReturnsAsync(SampleProfiles.Alice(userMetadata: new JsonObject { ["preferred_language"] = "tlh" }));
        await PortalSession.SignInSuccessfullyAsync(_client);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Accept-Language", "fr-FR");
        using var response = await _client.SendAsync(request);

        Assert.Equal("fr", (await PortalSession.ParseAsync(response)).DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task When_auth0_cannot_be_reached_the_sign_out_page_still_works_in_the_browser_language()
    {
        _portal.Profiles.Setup(p => p.GetProfileAsync(FakeOidcProvider.Subject, It.IsAny<CancellationToken>()))
            .ThrowsAsync(new ManagementApiException(HttpStatusCode.ServiceUnavailable, "network_error", "unreachable", null));
        await PortalSession.SignInSuccessfullyAsync(_client);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/account/signin-error?reason=failed");
        request.Headers.Add("Accept-Language", "fr-FR");
        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("fr", (await PortalSession.ParseAsync(response)).DocumentElement.GetAttribute("lang"));
    }
}
