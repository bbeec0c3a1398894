using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Profiles.Core.Security;
using Profiles.LocalTenant.Faults;
using Profiles.LocalTenant.Hosting;
using Profiles.TestServices;
using Profiles.Web.Tests.Infrastructure;

namespace Profiles.Web.Tests.Caching;

/// <summary>
/// Two portal instances of one deployment (one portal database, one Redis, one tenant), as behind a load balancer: what
/// one instance changes is what the other shows at its next request, and the Management call budget holds for the
/// deployment ("1 GET per cache window, 0 GET after a save"), not per instance.
/// </summary>
public sealed class TwoPortalsSharingRedisTests : IAsyncLifetime
{
    private const string AliceId = "auth0|64b97a87b6c808c6f9cc0001";
    private const string AliceUsers = "/api/v2/users/" + AliceId;
    private readonly string _clientId = "portal-two-instances-" + Guid.NewGuid().ToString("N")[..8];
    private readonly string _clientSecret = Guid.NewGuid().ToString("N");
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private EmbeddedLocalTenant _tenant = null!;
    private PortalFactory _a = null!;
    private PortalFactory _b = null!;

    private RequestLog Log => _tenant.Services.GetRequiredService<RequestLog>();

    public async Task InitializeAsync()
    {
        _tenant = await PortalTenant.StartAsync(_clientId, _clientSecret, _clock);
        var settings = PortalTenant.Settings(_clientId, _clientSecret);
        settings["Auth0:Management:ClientId"] = _clientId;
        settings["Auth0:Management:ClientSecret"] = _clientSecret;
        settings["Profiles:Deletion:WorkerEnabled"] = "false";
        settings["Redis:Configuration"] = await RedisServer.ConfigurationAsync();
        settings["Redis:InstanceName"] = RedisServer.NewInstanceName();
        _a = new PortalFactory(_tenant.BaseUrl, extraSettings: settings, realProfileService: true,
            configureServices: services => services.AddSingleton<TimeProvider>(_clock));
        // Same database as A: one deployment.
        var shared = new Dictionary<string, string?>(settings) { ["PortalDatabase:ConnectionString"] = $"Data Source={_a.DatabasePath}" };
        _b = new PortalFactory(_tenant.BaseUrl, extraSettings: shared, realProfileService: true,
            configureServices: services => services.AddSingleton<TimeProvider>(_clock));
    }

    public async Task DisposeAsync()
    {
        await _b.DisposeAsync();
        await _a.DisposeAsync();
        await _tenant.DisposeAsync();
    }

    [Fact]
    public async Task A_save_on_one_instance_is_shown_by_the_other_and_the_deployment_reads_the_profile_once()
    {
        var onA = await SignedInAsync(_a);
        var onB = await SignedInAsync(_b);
        Log.Clear();

        Assert.Equal(HttpStatusCode.OK, (await onA.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await onB.GetAsync("/")).StatusCode);
        var profile = await PortalSession.GetDocumentAsync(onA, "/profile");
        Assert.Equal(1, Reads());
        Assert.Equal(1, Log.Count("GET", AliceUsers + "/authentication-methods"));

        var saved = await SaveNameAsync(onA, profile, "Alice On A");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(1, Patches());

        var seenOnB = await PortalSession.GetDocumentAsync(onB, "/profile");
        Assert.Equal("Alice On A", seenOnB.GetElementById("Input_Name")!.GetAttribute("value"));
        Assert.Equal(1, Reads());
    }

    [Fact]
    public async Task A_revocation_made_through_one_instance_refuses_the_session_on_the_other_at_its_next_request()
    {
        var onB = await SignedInAsync(_b);
        Assert.Equal(HttpStatusCode.OK, (await onB.GetAsync("/profile")).StatusCode);

        await _a.Services.GetRequiredService<IPortalSessionRevocations>().RevokeAsync(AliceId, keepSessionId: null, CancellationToken.None);

        var refused = await onB.GetAsync("/profile");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith(_tenant.BaseUrl + "/authorize", refused.Headers.Location!.AbsoluteUri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sign_out_on_one_instance_refuses_a_copy_of_the_cookie_on_the_other_at_its_next_request()
    {
        var browser = _a.CreatePortalClient();
        var callback = await TenantSignIn.SignInAsync(browser, "alice@example.com", "Alice-demo-2026");
        var cookie = PortalSession.SetCookieHeader(callback, "__Host-profiles")!.Split(';')[0];
        Assert.Equal(HttpStatusCode.OK, (await GetWithCookieAsync(_b, "/profile", cookie)).StatusCode);

        var home = await PortalSession.GetDocumentAsync(browser, "/");
        var token = home.QuerySelector("header form[action='/account/logout'] input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        Assert.Equal(HttpStatusCode.Redirect, (await PortalSession.PostFormAsync(browser, "/account/logout", [new("__RequestVerificationToken", token)])).StatusCode);

        var replay = await GetWithCookieAsync(_b, "/profile", cookie);
        Assert.Equal(HttpStatusCode.Redirect, replay.StatusCode);
        Assert.StartsWith(_tenant.BaseUrl + "/authorize", replay.Headers.Location!.AbsoluteUri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deletion_requested_on_one_instance_shows_its_banner_on_the_other_at_the_next_page()
    {
        var onA = await SignedInAsync(_a);
        var onB = await SignedInAsync(_b);
        Assert.Null((await PortalSession.GetDocumentAsync(onB, "/profile")).GetElementById("banner-deletion"));

        var page = await PortalSession.GetDocumentAsync(onA, "/data/delete");
        var requested = await PortalSession.PostFormAsync(onA, "/data/delete",
            [new("__RequestVerificationToken", PortalSession.AntiforgeryToken(page)), new("Input.Confirmation", "DELETE")]);
        Assert.Equal(HttpStatusCode.Redirect, requested.StatusCode);

        var banner = (await PortalSession.GetDocumentAsync(onB, "/profile")).GetElementById("banner-deletion");
        Assert.NotNull(banner);
        Assert.Contains("scheduled for deletion", banner.TextContent, StringComparison.Ordinal);
    }

    private static async Task<HttpClient> SignedInAsync(PortalFactory portal)
    {
        var client = portal.CreatePortalClient();
        var callback = await TenantSignIn.SignInAsync(client, "alice@example.com", "Alice-demo-2026");
        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.DoesNotContain("signin-error", callback.Headers.Location!.OriginalString, StringComparison.Ordinal);
        return client;
    }

    private static Task<HttpResponseMessage> SaveNameAsync(HttpClient client, IHtmlDocument profile, string name) =>
        PortalSession.PostFormAsync(client, "/profile",
        [
            new("__RequestVerificationToken", PortalSession.AntiforgeryToken(profile)),
            new("Input.Name", name),
            new("Input.Nickname", profile.GetElementById("Input_Nickname")!.GetAttribute("value") ?? ""),
            new("Input.GivenName", profile.GetElementById("Input_GivenName")!.GetAttribute("value") ?? ""),
            new("Input.FamilyName", profile.GetElementById("Input_FamilyName")!.GetAttribute("value") ?? ""),
            new("Input.Picture", profile.GetElementById("Input_Picture")!.GetAttribute("value") ?? ""),
        ]);

    /// <summary>Another machine that holds only the copied cookie, sent to <paramref name="portal"/>.</summary>
    private static async Task<HttpResponseMessage> GetWithCookieAsync(PortalFactory portal, string path, string cookie)
    {
        using var thief = portal.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://localhost"),
            AllowAutoRedirect = false,
            HandleCookies = false,
        });
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        return await thief.SendAsync(request);
    }

    /// <summary>Reads of the profile itself (the overview's count of second factors is its own read, shared the same way).</summary>
    private int Reads() => Log.CountExactly("GET", AliceUsers);

    private int Patches() => Log.Count("PATCH", AliceUsers);
}
