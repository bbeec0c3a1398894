using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using Profiles.Core.Management;
using Profiles.Web.Tests.Infrastructure;

namespace Profiles.Web.Tests.Hardening;

/// <summary>No blank error page: every error status the portal can produce ends on a localised page with a heading and a way
/// back, for an anonymous browser (outside Development, where unexpected exceptions reach the error page) and for a signed-in
/// user.</summary>
public sealed class ErrorPageTests() : SignedInPortalTests(SampleProfiles.Alice())
{
    private static readonly int[] AllStatuses = [400, 403, 404, 405, 429, 500, 503];

    // In Development an unexpected exception shows the developer exception page by design; 500 and 503 are checked outside it.
    private static readonly int[] DevelopmentStatuses = [400, 403, 404, 405, 429];

    [Fact]
    public async Task Every_error_status_has_a_localised_page_for_an_anonymous_browser()
    {
        // Outside Development the portal needs its public origin and explicit AllowedHosts (the test client speaks to localhost).
        await using var portal = new PortalFactory("tenant.example", environment: "Staging", configureServices: AddStatusProbe,
            extraSettings: new Dictionary<string, string?> { ["Profiles:PublicOrigin"] = "https://localhost", ["AllowedHosts"] = "localhost" });
        var client = portal.CreatePortalClient();

        foreach (var status in AllStatuses)
        {
            var english = await ErrorPageAsync(client, "/?probe=" + status, status, "en");
            var french = await ErrorPageAsync(client, "/?probe=" + status, status, "fr");
            Assert.NotEqual(english, french);
        }
    }

    [Fact]
    public async Task Every_error_status_has_a_localised_page_when_signed_in()
    {
        await using var probed = new PortalFactory(Provider.BaseUrl, configureServices: AddStatusProbe);
        probed.Profiles.Setup(p => p.GetProfileAsync(FakeOidcProvider.Subject, It.IsAny<CancellationToken>())).ReturnsAsync(SampleProfiles.Alice());
        var client = probed.CreatePortalClient();
        await PortalSession.SignInSuccessfullyAsync(client);

        // Signed in, the language stored in the profile chooses the UI language.
        var english = new List<string>();
        foreach (var status in DevelopmentStatuses)
        {
            english.Add(await ErrorPageAsync(client, "/profile?probe=" + status, status, "en"));
        }

        probed.Profiles.Setup(p => p.GetProfileAsync(FakeOidcProvider.Subject, It.IsAny<CancellationToken>()))
            .ReturnsAsync(SampleProfiles.Alice(userMetadata: new System.Text.Json.Nodes.JsonObject { ["preferred_language"] = "fr" }));
        for (var i = 0; i < DevelopmentStatuses.Length; i++)
        {
            Assert.NotEqual(english[i], await ErrorPageAsync(client, "/profile?probe=" + DevelopmentStatuses[i], DevelopmentStatuses[i], "fr"));
        }
    }

    [Fact]
    public async Task A_forged_antiforgery_token_ends_on_the_form_expired_page_with_a_link_back()
    {
        var response = await PortalSession.PostFormAsync(Client, "/profile", [new("__RequestVerificationToken", "forged"), new("Input.Name", "x")]);

        var page = await PageAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("The form expired", Heading(page));
        Assert.Equal("/profile", page.GetElementById("error-back")!.GetAttribute("href"));
    }

    [Fact]
    public async Task A_missing_antiforgery_token_ends_on_the_form_expired_page()
    {
        var response = await PortalSession.PostFormAsync(Client, "/preferences", [new("Values[salutation]", "dr")]);

        Assert.Equal("The form expired", Heading(await PageAsync(response, HttpStatusCode.BadRequest)));
    }

    [Fact]
    public async Task A_form_opened_before_signing_in_says_so()
    {
        var browser = Portal.CreatePortalClient();
        var signedOutToken = PortalSession.AntiforgeryToken(await PortalSession.GetDocumentAsync(browser, "/account/logout"));
        await PortalSession.SignInSuccessfullyAsync(browser);

        var response = await PortalSession.PostFormAsync(browser, "/profile", [new("__RequestVerificationToken", signedOutToken), new("Input.Name", "x")]);

        Assert.Equal("You signed in as someone else", Heading(await PageAsync(response, HttpStatusCode.BadRequest)));
    }

    [Theory]
    [InlineData("A\u0000B")]
    [InlineData("bell\u0007")]
    [InlineData("esc\u001b[31m")]
    public async Task A_control_character_in_any_form_value_ends_on_the_malformed_form_page(string value)
    {
        var token = PortalSession.AntiforgeryToken(await PortalSession.GetDocumentAsync(Client, "/profile"));

        var response = await PortalSession.PostFormAsync(Client, "/profile", [new("__RequestVerificationToken", token), new("Input.Nickname", value)]);

        var page = await PageAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("The form could not be read", Heading(page));
        Assert.Equal("/profile", page.GetElementById("error-back")!.GetAttribute("href"));
        Portal.Profiles.Verify(p => p.UpdateProfileAsync(It.IsAny<string>(), It.IsAny<Core.Profiles.ProfileEdit>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task An_unreadable_form_body_ends_on_a_page()
    {
        using var content = new StringContent("--nope\r\ngarbage", System.Text.Encoding.UTF8);
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("multipart/form-data; boundary=missing");

        var response = await Client.PostAsync("/profile", content);

        var page = await PageAsync(response, HttpStatusCode.BadRequest);
        Assert.False(string.IsNullOrWhiteSpace(Heading(page)));
        Assert.NotNull(page.GetElementById("error-back"));
    }

    private static void AddStatusProbe(IServiceCollection services) =>
        services.Configure<MvcOptions>(options => options.Filters.Add(new StatusProbeFilter()));

    private static async Task<string> ErrorPageAsync(HttpClient client, string path, int status, string culture)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", ".AspNetCore.Culture=c%3D" + culture + "%7Cuic%3D" + culture);
        var response = await client.SendAsync(request);
        var page = await PageAsync(response, (HttpStatusCode)status);
        Assert.Equal(culture, page.DocumentElement.GetAttribute("lang"));
        Assert.NotNull(page.GetElementById("error-back"));
        Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector("main p")?.TextContent));
        Assert.DoesNotContain("   at ", page.DocumentElement.TextContent, StringComparison.Ordinal);
        return Heading(page);
    }

    private static async Task<IHtmlDocument> PageAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var page = await PortalSession.ParseAsync(response);
        Assert.False(string.IsNullOrWhiteSpace(Heading(page)));
        return page;
    }

    private static string Heading(IHtmlDocument page) => page.QuerySelector("h1")?.TextContent.Trim() ?? "";

    /// <summary>Ends a page request with the status in <c>?probe=</c>: the status alone (the way the framework ends a request
    /// without a body), an unexpected exception for 500, Auth0 unavailable for 503.</summary>
    private sealed class StatusProbeFilter : IPageFilter
    {
        public void OnPageHandlerSelected(PageHandlerSelectedContext context)
        {
        }

        public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
        {
            if (context.HttpContext.Request.Path.StartsWithSegments("/error") || !int.TryParse(context.HttpContext.Request.Query["probe"], out var status))
            {
                return;
            }

            context.Result = status switch
            {
                500 => throw new InvalidOperationException("probe"),
                503 => throw new ManagementApiException(HttpStatusCode.ServiceUnavailable, null, "probe", null),
                _ => new StatusCodeResult(status),
            };
        }

        public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
        {
        }
    }
}
