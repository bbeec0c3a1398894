using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using Profiles.Web.Tests.Infrastructure;

namespace Profiles.Web.Tests.Deployment;

/// <summary>Behind a TLS-terminating proxy the portal is reached over http with <c>X-Forwarded-Proto: https</c>: a listed proxy
/// (by address or network) makes the request https again, so the session cookie is the <c>__Host-</c>, Secure one; anyone
/// else's forwarded headers are ignored.</summary>
public sealed class ForwardedHeadersTests : IAsyncLifetime
{
    private FakeOidcProvider _provider = null!;

    public async Task InitializeAsync() => _provider = await FakeOidcProvider.StartAsync();

    public async Task DisposeAsync() => await _provider.DisposeAsync();

    [Theory]
    [InlineData("10.0.0.5")]
    [InlineData("192.168.7.20")]
    public async Task A_trusted_proxy_forwarding_https_gets_the_secure_host_prefixed_session_cookie(string proxyAddress)
    {
        await using var portal = BehindProxy(proxyAddress);

        var signIn = await SignInThroughProxyAsync(portal);

        var cookie = PortalSession.SetCookieHeader(signIn, "__Host-profiles");
        Assert.NotNull(cookie);
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("domain=", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("203.0.113.9")]
    [InlineData("10.0.0.6")]
    public async Task An_untrusted_proxy_s_forwarded_headers_are_ignored(string proxyAddress)
    {
        await using var portal = BehindProxy(proxyAddress);

        var signIn = await SignInThroughProxyAsync(portal);

        Assert.Null(PortalSession.SetCookieHeader(signIn, "__Host-profiles"));
        var cookie = PortalSession.SetCookieHeader(signIn, "profiles");
        Assert.NotNull(cookie);
        Assert.DoesNotContain("secure", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_proxy_setting_that_does_not_parse_stops_start_up_naming_it()
    {
        await using var portal = new PortalFactory(_provider.BaseUrl, extraSettings: new Dictionary<string, string?>
        {
            ["Profiles:ForwardedHeaders:KnownNetworks:0"] = "10.0.0.0/33",
        });

        var failure = portal.StartupFailure();

        Assert.Contains("Profiles:ForwardedHeaders:KnownNetworks", failure, StringComparison.Ordinal);
    }

    /// <summary>A portal whose every request arrives from <paramref name="proxyAddress"/>, trusting 10.0.0.5 and 192.168.0.0/16.
    /// Development, so cookies may go over plain http when the forwarded scheme is not believed.</summary>
    private PortalFactory BehindProxy(string proxyAddress)
    {
        var portal = new PortalFactory(_provider.BaseUrl,
            extraSettings: new Dictionary<string, string?>
            {
                ["Profiles:ForwardedHeaders:KnownProxies:0"] = "10.0.0.5",
                ["Profiles:ForwardedHeaders:KnownNetworks:0"] = "192.168.0.0/16",
            },
            configureServices: services => services.AddSingleton<IStartupFilter>(new RemoteAddress(IPAddress.Parse(proxyAddress))));
        portal.Profiles.Setup(p => p.GetProfileAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync(SampleProfiles.Alice());
        return portal;
    }

    /// <summary>Signs in as a browser on https would, through a proxy that speaks http to the portal.</summary>
    private static async Task<HttpResponseMessage> SignInThroughProxyAsync(PortalFactory portal)
    {
        var client = portal.CreateDefaultClient(new Uri("https://localhost"), new CookieContainerHandler(), new TlsTerminatingProxy());
        var response = await PortalSession.SignInAsync(client);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain("signin-error", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        return response;
    }

    /// <summary>What a TLS-terminating proxy does: the browser's https request goes on to the portal over http, with the
    /// original scheme and client address in forwarded headers.</summary>
    private sealed class TlsTerminatingProxy : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.RequestUri = new UriBuilder(request.RequestUri!) { Scheme = Uri.UriSchemeHttp, Port = 80 }.Uri;
            request.Headers.Add("X-Forwarded-Proto", "https");
            request.Headers.Add("X-Forwarded-For", "198.51.100.23");
            return base.SendAsync(request, cancellationToken);
        }
    }

    /// <summary>The test server has no sockets: this sets the connection's remote address, as the proxy's would be.</summary>
    private sealed class RemoteAddress(IPAddress address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((HttpContext context, RequestDelegate nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = address;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
