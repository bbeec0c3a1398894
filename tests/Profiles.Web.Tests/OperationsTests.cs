using System.Net;
using Moq;
using Profiles.Web.Tests.Infrastructure;

namespace Profiles.Web.Tests;

public sealed class OperationsTests : IAsyncLifetime
{
    private FakeOidcProvider _provider = null!;
    private PortalFactory _portal = null!;

    public async Task InitializeAsync()
    {
        _provider = await FakeOidcProvider.StartAsync();
        _portal = PortalFactory.For(_provider);
        _portal.Profiles.Setup(p => p.GetProfileAsync(FakeOidcProvider.Subject, It.IsAny<CancellationToken>())).ReturnsAsync(SampleProfiles.Alice());
    }

    public async Task DisposeAsync()
    {
        await _portal.DisposeAsync();
        await _provider.DisposeAsync();
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/account/signin-error?reason=blocked")]
    [InlineData("/profile")]
    public async Task Security_headers_are_present(string path)
    {
        var client = _portal.CreatePortalClient();
        await PortalSession.SignInSuccessfullyAsync(client);

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(
            $"default-src 'self'; img-src 'self' https: data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self' {_provider.BaseUrl}; base-uri 'self'",
            response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.True(response.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task Static_files_are_served_with_nosniff_and_are_cacheable()
    {
        var response = await _portal.CreatePortalClient().GetAsync("/css/site.css");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.NotEqual(true, response.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task Correlation_id_is_echoed_when_safe_and_generated_otherwise()
    {
        var client = _portal.CreatePortalClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        request.Headers.Add("X-Correlation-ID", "abc-123");
        var echoed = await client.SendAsync(request);
        using var unsafeRequest = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        unsafeRequest.Headers.Add("X-Correlation-ID", "<script>");
        var replaced = await client.SendAsync(unsafeRequest);

        Assert.Equal("abc-123", echoed.Headers.GetValues("X-Correlation-ID").Single());
        var generated = replaced.Headers.GetValues("X-Correlation-ID").Single();
        Assert.Matches("^[0-9a-f]{32}$", generated);
    }

    [Fact]
    public async Task Each_request_is_logged_once_with_its_route_template_and_nothing_personal()
    {
        var client = _portal.CreatePortalClient();
        await PortalSession.SignInSuccessfullyAsync(client);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/profile?email=alice%40example.com");
        request.Headers.Add("X-Correlation-ID", "corr-42");

        await client.SendAsync(request);

        var lines = _portal.Logs.Entries.Where(e => e.Category.EndsWith("RequestLoggingMiddleware", StringComparison.Ordinal)).Select(e => e.Message).ToList();
        var line = Assert.Single(lines, l => l.Contains("corr-42", StringComparison.Ordinal));
        Assert.Equal("HTTP GET /profile responded 200", line[..line.IndexOf(" in ", StringComparison.Ordinal)]);
        Assert.Matches(@" in \d+(\.\d)? ms \(corr-42\)$", line);
        var everything = string.Join("\n", _portal.Logs.Entries.Select(e => e.Message));
        Assert.DoesNotContain("alice", everything, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("code=", everything, StringComparison.Ordinal);
        Assert.DoesNotContain("eyJ", everything, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Live_is_healthy_without_touching_dependencies()
    {
        _portal.TokenProbe.Setup(p => p.CanObtainTokenAsync(It.IsAny<CancellationToken>())).ReturnsAsync(false);

        var response = await _portal.CreatePortalClient().GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
        _portal.TokenProbe.Verify(p => p.CanObtainTokenAsync(It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Ready_requires_discovery_and_a_management_token()
    {
        _portal.TokenProbe.Setup(p => p.CanObtainTokenAsync(It.IsAny<CancellationToken>())).ReturnsAsync(true);
        var client = _portal.CreatePortalClient();

        var ready = await client.GetAsync("/health/ready");
        _portal.TokenProbe.Setup(p => p.CanObtainTokenAsync(It.IsAny<CancellationToken>())).ReturnsAsync(false);
        var noToken = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, noToken.StatusCode);
    }

    [Fact]
    public async Task Ready_is_unhealthy_when_discovery_is_unreachable()
    {
        await using var portal = new PortalFactory("http://127.0.0.1:9");
        portal.TokenProbe.Setup(p => p.CanObtainTokenAsync(It.IsAny<CancellationToken>())).ReturnsAsync(true);

        var response = await portal.CreatePortalClient().GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }
}
