using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Profiles.LocalTenant.Data;
using Profiles.LocalTenant.Management;
using Profiles.LocalTenant.Tests.Authentication;
using Profiles.LocalTenant.Tests.Infrastructure;

namespace Profiles.LocalTenant.Tests.Management;

/// <summary>Real sign-ins make real sessions; <c>/sessions/{id}</c> reads, deletes and revokes them, and a revoked session no
/// longer signs its browser in nor refreshes its tokens.</summary>
public sealed class SessionRevocationTests
{
    private const string AlicePassword = "Alice-demo-2026";

    [Fact]
    public async Task A_sign_in_creates_a_session_with_device_client_and_method_and_authorize_updates_its_last_use()
    {
        // The clock starts at the real time: the browser's cookie jar drops cookies by the real clock.
        var start = DateTimeOffset.FromUnixTimeSeconds(TimeProvider.System.GetUtcNow().ToUnixTimeSeconds());
        var clock = new FakeTimeProvider(start);
        await using var tenant = await TenantFixture.StartAsync(clock: clock);
        using var api = tenant.CreateManagementClient();
        using var browser = new TenantBrowser(tenant);
        browser.Http.DefaultRequestHeaders.UserAgent.ParseAdd("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0");
        await browser.LoginAsync(TenantBrowser.AuthorizeUrl(), "alice@example.com", AlicePassword);
        var sid = SessionCookie(tenant, browser);

        clock.Advance(TimeSpan.FromHours(2));
        browser.Http.DefaultRequestHeaders.UserAgent.Clear();
        browser.Http.DefaultRequestHeaders.UserAgent.ParseAdd("Mozilla/5.0 (X11; Linux x86_64) Chrome/130.0.0.0 Safari/537.36");
        using (var again = await browser.GetAsync(TenantBrowser.AuthorizeUrl(state: "again")))
        {
            Assert.True(TenantBrowser.CallbackParameters(again, TenantFixture.PortalCallback).ContainsKey("code"));
        }

        var session = await (await api.GetAsync("api/v2/sessions/" + sid)).ExpectObjectAsync(HttpStatusCode.OK);
        Assert.Equal(TenantFixture.AliceId, session["user_id"]!.GetValue<string>());
        Assert.Contains("Firefox/128.0", session["device"]!["initial_user_agent"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("Chrome/130", session["device"]!["last_user_agent"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(start, session["authenticated_at"]!.GetValue<DateTimeOffset>());
        Assert.Equal(start.AddHours(2), session["last_interacted_at"]!.GetValue<DateTimeOffset>());
        Assert.Equal(start.AddHours(2).AddDays(3), session["idle_expires_at"]!.GetValue<DateTimeOffset>());
        Assert.Equal(start.AddDays(7), session["expires_at"]!.GetValue<DateTimeOffset>());
        Assert.Equal(TenantFixture.PortalClientId, session["clients"]![0]!["client_id"]!.GetValue<string>());
        Assert.Equal("pwd", session["authentication"]!["methods"]![0]!["name"]!.GetValue<string>());

        // Idle expiry: three days without a visit and the cookie no longer signs the browser in.
        clock.Advance(TimeSpan.FromDays(3));
        var html = await browser.OpenLoginAsync(TenantBrowser.AuthorizeUrl(state: "idle"));
        Assert.Contains("/login/password", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoking_a_session_signs_its_browser_out_and_refuses_its_refresh_token()
    {
        await using var tenant = await TenantFixture.StartAsync();
        using var api = tenant.CreateManagementClient();
        using var laptop = new TenantBrowser(tenant);
        using var phone = new TenantBrowser(tenant);
        var code = (await laptop.LoginAsync(TenantBrowser.AuthorizeUrl(scope: "openid profile offline_access"), "alice@example.com", AlicePassword))["code"];
        var (_, tokens) = await laptop.ExchangeAsync(code);
        var refreshToken = tokens.GetProperty("refresh_token").GetString()!;
        await phone.LoginAsync(TenantBrowser.AuthorizeUrl(), "alice@example.com", AlicePassword);
        var laptopSid = SessionCookie(tenant, laptop);

        using var revoke = await api.PostAsync($"api/v2/sessions/{laptopSid}/revoke", null);

        Assert.Equal(HttpStatusCode.Accepted, revoke.StatusCode);
        Assert.Equal("{}", (await revoke.ReadNodeAsync()).ToJsonString());
        var html = await laptop.OpenLoginAsync(TenantBrowser.AuthorizeUrl(state: "after"));
        Assert.Contains("/login/password", html, StringComparison.Ordinal);
        var (status, body) = await laptop.PostTokenAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = TenantFixture.PortalClientId,
            ["client_secret"] = TenantFixture.PortalClientSecret,
            ["refresh_token"] = refreshToken,
        });
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("invalid_grant", body.GetProperty("error").GetString());
        using var phoneAgain = await phone.GetAsync(TenantBrowser.AuthorizeUrl(state: "phone"));
        Assert.True(TenantBrowser.CallbackParameters(phoneAgain, TenantFixture.PortalCallback).ContainsKey("code"));
        await (await api.PostAsync($"api/v2/sessions/{laptopSid}/revoke", null)).ExpectErrorAsync(HttpStatusCode.NotFound, "inexistent_session");
        await (await api.GetAsync("api/v2/sessions/" + laptopSid)).ExpectErrorAsync(HttpStatusCode.NotFound, "inexistent_session");
    }

    [Fact]
    public async Task Deleting_a_session_keeps_its_refresh_tokens_and_an_unknown_id_is_accepted()
    {
        await using var tenant = await TenantFixture.StartAsync();
        using var api = tenant.CreateManagementClient();
        using var browser = new TenantBrowser(tenant);
        var code = (await browser.LoginAsync(TenantBrowser.AuthorizeUrl(scope: "openid offline_access"), "alice@example.com", AlicePassword))["code"];
        await browser.ExchangeAsync(code);
        var sid = SessionCookie(tenant, browser);

        using var delete = await api.DeleteAsync("api/v2/sessions/" + sid);
        using var unknown = await api.DeleteAsync("api/v2/sessions/no-such-session");

        Assert.Equal(HttpStatusCode.Accepted, delete.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, unknown.StatusCode);
        Assert.Null(tenant.Store.Read(d => d.Find<TenantSession>(sid)));
        Assert.Contains(tenant.Store.Read(d => d.All<TenantRefreshToken>().ToList()), t => t.SessionId == sid);
    }

    [Fact]
    public async Task With_delayed_deletes_a_revoked_session_still_lists_for_a_while_but_signs_no_one_in()
    {
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var tenant = await TenantFixture.StartAsync(o => o.SessionDeleteDelaySeconds = 30, clock);
        using var api = tenant.CreateManagementClient();
        using var browser = new TenantBrowser(tenant);
        await browser.LoginAsync(TenantBrowser.AuthorizeUrl(), "alice@example.com", AlicePassword);
        var sid = SessionCookie(tenant, browser);
        var sessionsPath = ManagementHttp.UserPath(TenantFixture.AliceId) + "/sessions";

        (await api.PostAsync($"api/v2/sessions/{sid}/revoke", null)).EnsureSuccessStatusCode();

        var listed = await (await api.GetAsync(sessionsPath)).ExpectObjectAsync(HttpStatusCode.OK);
        Assert.Equal(sid, Assert.Single(listed["sessions"]!.AsArray())!["id"]!.GetValue<string>());
        Assert.Contains("/login/password", await browser.OpenLoginAsync(TenantBrowser.AuthorizeUrl(state: "x")), StringComparison.Ordinal);
        clock.Advance(TimeSpan.FromSeconds(30));
        var later = await (await api.GetAsync(sessionsPath)).ExpectObjectAsync(HttpStatusCode.OK);
        Assert.Empty(later["sessions"]!.AsArray());
    }

    [Fact]
    public async Task Revoke_access_ends_one_or_all_sessions_of_the_user()
    {
        await using var tenant = await TenantFixture.StartAsync();
        using var api = tenant.CreateManagementClient();
        using var first = new TenantBrowser(tenant);
        using var second = new TenantBrowser(tenant);
        await first.LoginAsync(TenantBrowser.AuthorizeUrl(), "alice@example.com", AlicePassword);
        await second.LoginAsync(TenantBrowser.AuthorizeUrl(), "alice@example.com", AlicePassword);
        var firstSid = SessionCookie(tenant, first);
        var path = ManagementHttp.UserPath(TenantFixture.AliceId);

        using var one = await api.PostJsonAsync(path + "/revoke-access", $$"""{"session_id":"{{firstSid}}"}""");
        var remaining = tenant.Store.Read(d => d.All<TenantSession>().Where(s => s.UserId == TenantFixture.AliceId).Select(s => s.Id).ToList());
        using var all = await api.PostJsonAsync(path + "/revoke-access", "{}");
        using var nobody = await api.PostJsonAsync(ManagementHttp.UserPath("auth0|000000000000000000000000") + "/revoke-access", "{}");

        Assert.Equal(HttpStatusCode.Accepted, one.StatusCode);
        Assert.Equal(SessionCookie(tenant, second), Assert.Single(remaining));
        Assert.Equal(HttpStatusCode.Accepted, all.StatusCode);
        Assert.DoesNotContain(tenant.Store.Read(d => d.All<TenantSession>().ToList()), s => s.UserId == TenantFixture.AliceId);
        await nobody.ExpectErrorAsync(HttpStatusCode.NotFound, "inexistent_user");
    }

    [Fact]
    public async Task Without_the_sessions_plan_every_sessions_endpoint_answers_403()
    {
        await using var tenant = await TenantFixture.StartAsync();
        using var api = tenant.CreateManagementClient();
        tenant.Tenant.Services.GetRequiredService<SessionsFeature>().Enabled = false;
        var user = ManagementHttp.UserPath(TenantFixture.AliceId);

        HttpResponseMessage[] answers =
        [
            await api.GetAsync(user + "/sessions"), await api.DeleteAsync(user + "/sessions"), await api.GetAsync("api/v2/sessions/s1"),
            await api.DeleteAsync("api/v2/sessions/s1"), await api.PostAsync("api/v2/sessions/s1/revoke", null),
            await api.PostJsonAsync(user + "/revoke-access", "{}"),
        ];

        foreach (var answer in answers)
        {
            var body = await answer.ExpectObjectAsync(HttpStatusCode.Forbidden);
            Assert.Equal(SessionsFeature.NotEnabledMessage, body["message"]!.GetValue<string>());
            answer.Dispose();
        }
    }

    private static string SessionCookie(TenantFixture tenant, TenantBrowser browser)
        => browser.Cookies.GetCookies(new Uri(tenant.BaseUrl))["lt_session"]!.Value;
}
