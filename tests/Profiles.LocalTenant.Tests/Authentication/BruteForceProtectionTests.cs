using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Profiles.LocalTenant.Login;
using Profiles.LocalTenant.Outbox;
using Profiles.LocalTenant.Tests.Infrastructure;
using Profiles.LocalTenant.Tests.Management;

namespace Profiles.LocalTenant.Tests.Authentication;

/// <summary>Brute-force protection at the tenant's login page, end to end over HTTP.</summary>
public sealed class BruteForceProtectionTests : IAsyncLifetime
{
    private const int AuthZeroDefaultThreshold = 10;
    private TenantFixture _tenant = null!;

    public async Task InitializeAsync() => _tenant = await TenantFixture.StartAsync();

    public async Task DisposeAsync() => await _tenant.DisposeAsync();

    [Fact]
    public async Task Ten_failed_sign_ins_block_the_user_until_the_api_unblocks_them()
    {
        using var browser = new TenantBrowser(_tenant);
        using var api = _tenant.CreateManagementClient("read:users", "update:users");

        for (var attempt = 1; attempt < AuthZeroDefaultThreshold; attempt++)
        {
            using var wrong = await SignInAsync(browser, "alice@example.com", "not-her-password");
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
            Assert.Contains("Wrong email or password.", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.DoesNotContain(Outbox.List("alice@example.com"), e => e.Kind == "blocked-account");
        using var tenth = await SignInAsync(browser, "alice@example.com", "not-her-password");
        await AssertBlockedAsync(tenth);
        using var right = await SignInAsync(browser, "alice@example.com", "Alice-demo-2026");
        await AssertBlockedAsync(right);

        var blocks = await (await api.GetAsync("api/v2/user-blocks/" + Uri.EscapeDataString(TenantFixture.AliceId))).ExpectObjectAsync(HttpStatusCode.OK);
        var entry = Assert.Single(blocks["blocked_for"]!.AsArray())!.AsObject();
        Assert.Equal("alice@example.com", entry["identifier"]!.GetValue<string>());
        Assert.Equal("127.0.0.1", entry["ip"]!.GetValue<string>());
        Assert.Equal(TenantFixture.DatabaseConnection, entry["connection"]!.GetValue<string>());
        Assert.Single(Outbox.List("alice@example.com"), e => e.Kind == "blocked-account");

        using var unblock = await api.DeleteAsync("api/v2/user-blocks/" + Uri.EscapeDataString(TenantFixture.AliceId));
        Assert.Equal(HttpStatusCode.NoContent, unblock.StatusCode);

        using var after = await SignInAsync(browser, "alice@example.com", "Alice-demo-2026");
        Assert.True(TenantBrowser.CallbackParameters(after, TenantFixture.PortalCallback).ContainsKey("code"));
        var cleared = await (await api.GetAsync("api/v2/user-blocks?identifier=alice%40example.com")).ExpectObjectAsync(HttpStatusCode.OK);
        Assert.Empty(cleared["blocked_for"]!.AsArray());
    }

    [Fact]
    public async Task The_emailed_link_unblocks_the_user()
    {
        using var browser = new TenantBrowser(_tenant);
        await FailAsync(browser, "bob@example.com", 10);

        var email = Outbox.List("bob@example.com").Single(e => e.Kind == "blocked-account");
        var link = email.Links.Single(l => l.Contains("/u/unblock?ticket=", StringComparison.Ordinal));
        using var open = await browser.GetAsync(new Uri(link).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
        Assert.Contains("Your account is unblocked.", await open.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var reuse = await browser.GetAsync(new Uri(link).PathAndQuery);
        Assert.Equal(HttpStatusCode.BadRequest, reuse.StatusCode);

        using var signIn = await SignInAsync(browser, "bob@example.com", "Bob-demo-2026");
        Assert.True(TenantBrowser.CallbackParameters(signIn, TenantFixture.PortalCallback).ContainsKey("code"));
    }

    [Fact]
    public async Task A_successful_sign_in_starts_the_count_again()
    {
        // A new browser each round: a signed-in browser's session would skip the login page.
        using (var first = new TenantBrowser(_tenant))
        {
            await FailAsync(first, "dave@example.com", 9);
            using var success = await SignInAsync(first, "dave@example.com", "Dave-demo-2026");
            Assert.True(TenantBrowser.CallbackParameters(success, TenantFixture.PortalCallback).ContainsKey("code"));
        }

        using var second = new TenantBrowser(_tenant);
        await FailAsync(second, "dave@example.com", 9);
        using var again = await SignInAsync(second, "dave@example.com", "Dave-demo-2026");
        Assert.True(TenantBrowser.CallbackParameters(again, TenantFixture.PortalCallback).ContainsKey("code"));
    }

    [Fact]
    public async Task Blocks_by_identifier_are_listed_and_lifted_and_an_admin_block_is_not_one()
    {
        using var browser = new TenantBrowser(_tenant);
        using var api = _tenant.CreateManagementClient("read:users", "update:users");
        await FailAsync(browser, "frank@example.com", 10);

        var byEmail = await (await api.GetAsync("api/v2/user-blocks?identifier=FRANK%40example.com")).ExpectObjectAsync(HttpStatusCode.OK);
        Assert.Single(byEmail["blocked_for"]!.AsArray());
        var erin = await (await api.GetAsync("api/v2/user-blocks/" + Uri.EscapeDataString(TenantFixture.ErinId))).ExpectObjectAsync(HttpStatusCode.OK);
        Assert.Empty(erin["blocked_for"]!.AsArray());

        using var unblock = await api.DeleteAsync("api/v2/user-blocks?identifier=frank%40example.com");
        Assert.Equal(HttpStatusCode.NoContent, unblock.StatusCode);
        using var signIn = await SignInAsync(browser, "frank@example.com", "Frank-demo-2026");
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
    }

    [Fact]
    public async Task User_blocks_endpoints_answer_auth0s_errors()
    {
        using var api = _tenant.CreateManagementClient("read:users", "update:users");
        using var reader = _tenant.CreateManagementClient("read:users");
        const string Missing = "api/v2/user-blocks/auth0%7C000000000000000000000000";

        await (await api.GetAsync(Missing)).ExpectErrorAsync(HttpStatusCode.NotFound, "inexistent_user", "The user does not exist.");
        await (await api.DeleteAsync(Missing)).ExpectErrorAsync(HttpStatusCode.NotFound, "inexistent_user", "The user does not exist.");
        await (await api.GetAsync("api/v2/user-blocks")).ExpectErrorAsync(HttpStatusCode.BadRequest, "invalid_query_string",
            "Query validation error: 'Missing required property: identifier'.");
        await (await reader.DeleteAsync("api/v2/user-blocks?identifier=a")).ExpectErrorAsync(HttpStatusCode.Forbidden, "insufficient_scope",
            "Insufficient scope, expected any of: update:users");
        using var nobody = await api.DeleteAsync("api/v2/user-blocks?identifier=nobody%40example.com");
        Assert.Equal(HttpStatusCode.NoContent, nobody.StatusCode);
    }

    private OutboxService Outbox => _tenant.Tenant.Services.GetRequiredService<OutboxService>();

    private static async Task FailAsync(TenantBrowser browser, string email, int times)
    {
        for (var i = 0; i < times; i++)
        {
            using var response = await SignInAsync(browser, email, "wrong-password-" + i);
            Assert.NotEqual(HttpStatusCode.Redirect, response.StatusCode);
        }
    }

    private static async Task<HttpResponseMessage> SignInAsync(TenantBrowser browser, string email, string password)
    {
        var html = await browser.OpenLoginAsync(TenantBrowser.AuthorizeUrl());
        return await browser.SubmitPasswordAsync(html, email, password);
    }

    private static async Task AssertBlockedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(LoginEndpoints.BlockedText), await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
