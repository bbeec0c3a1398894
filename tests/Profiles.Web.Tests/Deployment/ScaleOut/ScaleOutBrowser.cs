using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Profiles.LocalTenant.Hosting;
using Profiles.TestServices;

namespace Profiles.Web.Tests.Deployment.ScaleOut;

/// <summary>A browser as far as the portal can tell, over HTTP: one cookie jar for the public origin (nginx, whose certificate it
/// trusts), another for the tenant's login pages (whose development CA it trusts); redirects followed by hand so each hop's
/// instance (<see cref="NginxServer.UpstreamHeader"/>) can be read.</summary>
public sealed class ScaleOutBrowser : IDisposable
{
    private readonly X509Certificate2 _tenantCa;

    public ScaleOutBrowser(NginxServer proxy, EmbeddedLocalTenant tenant)
    {
        ArgumentNullException.ThrowIfNull(proxy);
        ArgumentNullException.ThrowIfNull(tenant);
        _tenantCa = X509CertificateLoader.LoadCertificateFromFile(tenant.CertificateAuthorityPath!);
        Portal = new HttpClient(proxy.CreateHandler(new CookieContainer())) { BaseAddress = new Uri(proxy.BaseUrl), Timeout = TimeSpan.FromSeconds(60) };
        TenantPages = new HttpClient(new HttpClientHandler
        {
            AllowAutoRedirect = false,
            CookieContainer = new CookieContainer(),
            ServerCertificateCustomValidationCallback = (_, certificate, _, errors) =>
                certificate is not null
                && (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) == SslPolicyErrors.None
                && DevelopmentCertificates.ChainsTo(certificate, _tenantCa, DateTimeOffset.UtcNow),
        });
    }

    /// <summary>The portal through nginx, with this browser's cookies.</summary>
    public HttpClient Portal { get; }

    private HttpClient TenantPages { get; }

    /// <summary>The instance that answered (the last one nginx tried).</summary>
    public static string Upstream(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.Headers.TryGetValues(NginxServer.UpstreamHeader, out var values)
            ? values.Single().Split(',').Last().Trim()
            : "";
    }

    /// <summary>Portal /account/login → tenant /authorize → login page → credentials → portal callback. Returns the instance
    /// that made the challenge and the portal's answer to the callback.</summary>
    public async Task<(string ChallengedBy, HttpResponseMessage Callback)> SignInAsync(string email, string password)
    {
        var challenge = await Portal.GetAsync(new Uri("/account/login", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var authorizeUrl = challenge.Headers.Location!;
        var authorize = await TenantPages.GetAsync(authorizeUrl);
        Assert.Equal(HttpStatusCode.Redirect, authorize.StatusCode);
        var loginUrl = new Uri(authorizeUrl, authorize.Headers.Location!);
        var loginPage = await new HtmlParser().ParseDocumentAsync(await TenantPages.GetStringAsync(loginUrl));
        var form = loginPage.QuerySelector("form[action$='/login/password']")!;
        var fields = form.QuerySelectorAll("input[type='hidden']")
            .Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? ""))
            .Append(new("email", email))
            .Append(new("password", password));
        using var credentials = new FormUrlEncodedContent(fields);
        var posted = await TenantPages.PostAsync(new Uri(loginUrl, form.GetAttribute("action")), credentials);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var callback = posted.Headers.Location!;
        Assert.Equal(new Uri(Portal.BaseAddress!, "/signin-auth0"), new Uri(callback.GetLeftPart(UriPartial.Path)));
        return (Upstream(challenge), await Portal.GetAsync(new Uri(callback.PathAndQuery, UriKind.Relative)));
    }

    /// <summary>Opens a page that first sends the browser to the tenant for another token (the authenticators page asks for
    /// one for the My Account API) and makes that round trip: the tenant's session answers <c>/authorize</c> at once, and the
    /// portal's callback (on whichever instance nginx picks) sends the browser back to the page. Returns the instance that
    /// made the challenge and the one that took the callback.</summary>
    public async Task<(string ChallengedBy, string CallbackBy)> CompleteTokenRoundTripAsync(string path)
    {
        var challenge = await Portal.GetAsync(new Uri(path, UriKind.Relative));
        Assert.True(challenge.StatusCode == HttpStatusCode.Redirect, $"GET {path} answered {(int)challenge.StatusCode}, not a challenge");
        var authorize = await TenantPages.GetAsync(challenge.Headers.Location!);
        Assert.Equal(HttpStatusCode.Redirect, authorize.StatusCode);
        var callback = new Uri(challenge.Headers.Location!, authorize.Headers.Location!);
        Assert.Equal(new Uri(Portal.BaseAddress!, "/signin-auth0"), new Uri(callback.GetLeftPart(UriPartial.Path)));
        var back = await Portal.GetAsync(new Uri(callback.PathAndQuery, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        var returnTo = back.Headers.Location!.OriginalString;
        Assert.Equal(path, returnTo.Split('?')[0], StringComparer.OrdinalIgnoreCase);
        await GetDocumentAsync(returnTo);
        return (Upstream(challenge), Upstream(back));
    }

    public async Task<(IHtmlDocument Document, string Upstream)> GetDocumentAsync(string path)
    {
        var response = await Portal.GetAsync(new Uri(path, UriKind.Relative));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path} answered {(int)response.StatusCode} ({Upstream(response)})");
        return (await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync()), Upstream(response));
    }

    public async Task<HttpResponseMessage> PostFormAsync(string path, IEnumerable<KeyValuePair<string, string>> fields)
    {
        using var content = new FormUrlEncodedContent(fields);
        return await Portal.PostAsync(new Uri(path, UriKind.Relative), content);
    }

    public void Dispose()
    {
        Portal.Dispose();
        TenantPages.Dispose();
        _tenantCa.Dispose();
    }
}
