using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using Profiles.Core.Profiles;
using Profiles.Core.Results;
using Profiles.Web.Tests.Infrastructure;

namespace Profiles.Web.Tests.Hardening;

/// <summary>Every route of the portal, enumerated from its endpoints, with every method, signed in (with a valid antiforgery
/// token in the body) and signed out: never a 5xx; a 405 always says which methods are allowed and has a page.</summary>
public sealed class MethodSweepTests() : SignedInPortalTests(SampleProfiles.Alice())
{
    private static readonly string[] Methods = ["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "PROPFIND"];

    [Fact]
    public async Task Every_route_answers_every_method_without_a_server_error()
    {
        Portal.TokenProbe.Setup(p => p.CanObtainTokenAsync(It.IsAny<CancellationToken>())).ReturnsAsync(true);
        Portal.Profiles.Setup(p => p.UpdateProfileAsync(It.IsAny<string>(), It.IsAny<ProfileEdit>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(ServiceResults.Success(SampleProfiles.Alice(), ProfileSuccessCodes.NothingChanged));
        Portal.Profiles.Setup(p => p.UpdatePreferencesAsync(It.IsAny<string>(), It.IsAny<IReadOnlyDictionary<string, string?>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(ServiceResults.Success(SampleProfiles.Alice(), ProfileSuccessCodes.NothingChanged));
        Portal.Profiles.Setup(p => p.RefreshProfileAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync(SampleProfiles.Alice());
        var routes = Routes();
        Assert.Contains("/security/email", routes);
        Assert.Contains("/signinmethods/unlink", routes);
        var token = PortalSession.AntiforgeryToken(await PortalSession.GetDocumentAsync(Client, "/profile"));
        var signedOut = Portal.CreatePortalClient();
        var failures = new List<string>();

        foreach (var route in routes)
        {
            foreach (var method in Methods)
            {
                await CheckAsync(Client, route, method, token, "signed in", failures);
                await CheckAsync(signedOut, route, method, null, "signed out", failures);
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Theory]
    [InlineData("/security/email", "GET, HEAD, POST")]
    [InlineData("/security/email/confirm", "GET, HEAD, POST")]
    [InlineData("/signinmethods", "GET, HEAD, POST")]
    [InlineData("/signinmethods/link", "GET, HEAD, POST")]
    [InlineData("/signinmethods/unlink", "GET, HEAD, POST")]
    public async Task Unexpected_methods_with_a_valid_token_get_405_and_allow(string path, string allow)
    {
        var token = PortalSession.AntiforgeryToken(await PortalSession.GetDocumentAsync(Client, "/profile"));
        foreach (var method in new[] { "PUT", "DELETE", "PATCH", "TRACE", "OPTIONS" })
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path)
            {
                Content = new FormUrlEncodedContent([new("__RequestVerificationToken", token)]),
            };

            var response = await Client.SendAsync(request);

            Assert.True(response.StatusCode == HttpStatusCode.MethodNotAllowed,
                $"{method} {path}: {(int)response.StatusCode} {(await PortalSession.ParseAsync(response)).QuerySelector("h1")?.TextContent}");
            Assert.Equal(allow, string.Join(", ", response.Content.Headers.Allow));
            var page = await PortalSession.ParseAsync(response);
            Assert.Equal("Not available here", page.QuerySelector("h1")!.TextContent.Trim());
        }
    }

    /// <summary>Every route pattern, with optional parameters left out; the sign-out page goes last (it ends the session).</summary>
    private List<string> Routes() =>
        Portal.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => "/" + string.Join("/", e.RoutePattern.PathSegments
                .Where(s => !s.Parts.Any(p => p is Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart { IsOptional: true }))
                .Select(s => string.Concat(s.Parts.Select(p => p is Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal ? literal.Content : "x"))))
                .ToLowerInvariant())
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderBy(r => r.StartsWith("/account/logout", StringComparison.OrdinalIgnoreCase))
            .ThenBy(r => r, StringComparer.Ordinal)
            .ToList();

    private static async Task CheckAsync(HttpClient client, string route, string method, string? token, string who, List<string> failures)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), route);
        if (token is not null && method is not "GET" and not "HEAD" and not "TRACE")
        {
            request.Content = new FormUrlEncodedContent([new("__RequestVerificationToken", token)]);
        }

        var response = await client.SendAsync(request);
        var status = (int)response.StatusCode;
        if (status >= 500)
        {
            failures.Add($"{who} {method} {route}: {status}");
        }

        if (response.StatusCode == HttpStatusCode.MethodNotAllowed)
        {
            if (!response.Content.Headers.Allow.Any())
            {
                failures.Add($"{who} {method} {route}: 405 without Allow");
            }

            if (method != "HEAD" && (await PortalSession.ParseAsync(response)).QuerySelector("h1") is null)
            {
                failures.Add($"{who} {method} {route}: 405 without a page");
            }
        }
    }
}
