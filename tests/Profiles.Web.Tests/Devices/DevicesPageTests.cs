using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.Extensions.DependencyInjection;
using Profiles.LocalTenant.Data;
using Profiles.LocalTenant.Management;
using Profiles.Web.Tests.Infrastructure;

namespace Profiles.Web.Tests.Devices;

/// <summary>The devices page against the local tenant: two browsers are two devices; signing one out ends it at the tenant and
/// at the portal; a plan without the sessions API degrades to the portal's own sessions; a session gone before its sign-out is
/// not an error.</summary>
public sealed class DevicesPageTests : TenantPortalTests
{
    private const string DevicesPath = "/security/devices";
    private const string AliceEmail = "alice@example.com";
    private const string AlicePassword = "Alice-demo-2026";

    [Fact]
    public async Task Two_browsers_are_listed_and_signing_the_other_out_ends_it_at_the_tenant_and_the_portal()
    {
        await SignInAsync(AliceEmail, AlicePassword);
        var phone = NewBrowser();
        await SignInAsync(AliceEmail, AlicePassword, phone);

        var page = await GetPageAsync(DevicesPath);
        var phonePage = await GetPageAsync(DevicesPath, phone);

        var here = Current(page);
        var other = Assert.Single(Devices(page), d => d.GetAttribute("data-current") == "false");
        Assert.Equal(2, Devices(page).Count);
        Assert.Equal(other.GetAttribute("data-session-id"), Current(phonePage).GetAttribute("data-session-id"));
        Assert.Contains("This device", here.QuerySelector("h2")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Password", here.TextContent, StringComparison.Ordinal);
        Assert.Contains("This account portal", here.TextContent, StringComparison.Ordinal);
        Assert.Equal("true", other.GetAttribute("data-portal-session"));
        var otherId = other.GetAttribute("data-session-id")!;

        var signedOut = await PostAsync(DevicesPath + "?handler=SignOut", page, [new("sessionId", otherId)]);

        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        var after = await GetPageAsync(DevicesPath);
        Assert.Contains("The device is signed out", after.QuerySelector("#devices-status")!.TextContent, StringComparison.Ordinal);
        Assert.Single(Devices(after));
        Assert.Null(Tenant.Store.Read(d => d.Find<TenantSession>(otherId)));
        var phoneNext = await phone.GetAsync("/profile");
        Assert.Equal(HttpStatusCode.Redirect, phoneNext.StatusCode);
        Assert.StartsWith(Tenant.BaseUrl + "/authorize", phoneNext.Headers.Location!.AbsoluteUri, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/profile")).StatusCode);
        var activity = await GetPageAsync("/activity");
        Assert.NotNull(activity.QuerySelector("#activity tbody tr[data-action='device_signed_out'][data-outcome='succeeded']"));
        Assert.Contains(await OutboxAsync(AliceEmail), m => m.Kind.EndsWith("devices_signed_out", StringComparison.Ordinal));
    }

    [Fact]
    public async Task One_page_view_costs_one_sessions_call_at_the_tenant()
    {
        await SignInAsync(AliceEmail, AlicePassword);
        await GetPageAsync("/profile");
        TenantRequests.Clear();

        await GetPageAsync(DevicesPath);

        var management = TenantRequests.All.Where(r => r.Path.StartsWith("/api/v2/", StringComparison.Ordinal)).ToList();
        Assert.Single(management, r => r.Path.EndsWith("/sessions", StringComparison.Ordinal) && r.Method == "GET");
        Assert.Single(management);
    }

    [Fact]
    public async Task A_session_gone_between_list_and_sign_out_is_signed_out_not_an_error()
    {
        await SignInAsync(AliceEmail, AlicePassword);
        var phone = NewBrowser();
        await SignInAsync(AliceEmail, AlicePassword, phone);
        var page = await GetPageAsync(DevicesPath);
        var otherId = Assert.Single(Devices(page), d => d.GetAttribute("data-current") == "false").GetAttribute("data-session-id")!;
        Tenant.Store.Write(w => w.Remove<TenantSession>(otherId));

        var signedOut = await PostAsync(DevicesPath + "?handler=SignOut", page, [new("sessionId", otherId)]);

        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        var after = await GetPageAsync(DevicesPath);
        Assert.NotNull(after.QuerySelector("#devices-status"));
        Assert.Null(after.QuerySelector(".form-error, [role='alert']"));
        Assert.Equal(HttpStatusCode.Redirect, (await phone.GetAsync("/profile")).StatusCode);
    }

    [Fact]
    public async Task A_revoked_session_still_listed_by_the_tenant_shows_as_signing_out()
    {
        Tenant.Services.GetRequiredService<SessionsFeature>().DeleteDelay = TimeSpan.FromMinutes(1);
        await SignInAsync(AliceEmail, AlicePassword);
        var phone = NewBrowser();
        await SignInAsync(AliceEmail, AlicePassword, phone);
        var page = await GetPageAsync(DevicesPath);
        var otherId = Assert.Single(Devices(page), d => d.GetAttribute("data-current") == "false").GetAttribute("data-session-id")!;

        await PostAsync(DevicesPath + "?handler=SignOut", page, [new("sessionId", otherId)]);
        var after = await GetPageAsync(DevicesPath);

        var ending = Assert.Single(Devices(after), d => d.GetAttribute("data-session-id") == otherId);
        Assert.Equal("true", ending.GetAttribute("data-ending"));
        Assert.Contains("Signing out", ending.TextContent, StringComparison.Ordinal);
        Assert.Null(ending.QuerySelector("form"));
        Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Single(Devices(await GetPageAsync(DevicesPath)));
    }

    [Fact]
    public async Task Without_the_sessions_api_the_page_says_so_and_lists_and_signs_out_the_portals_own_sessions()
    {
        Tenant.Services.GetRequiredService<SessionsFeature>().Enabled = false;
        await SignInAsync(AliceEmail, AlicePassword);
        var phone = NewBrowser();
        await SignInAsync(AliceEmail, AlicePassword, phone);
        var laptop = NewBrowser();
        await SignInAsync(AliceEmail, AlicePassword, laptop);

        var page = await GetPageAsync(DevicesPath);

        Assert.NotNull(page.QuerySelector("#devices-unavailable"));
        Assert.Equal(3, Devices(page).Count);
        Assert.All(Devices(page), d => Assert.Equal("true", d.GetAttribute("data-portal-session")));
        Assert.Null(Current(page).QuerySelector("form"));
        var others = Devices(page).Where(d => d.GetAttribute("data-current") == "false")
            .Select(d => d.QuerySelector("form input[name='portalSessionId']")!.GetAttribute("value")!).ToList();
        Assert.Equal(2, others.Count);

        // Sign out one of them: exactly one of the two other browsers is refused at its next request.
        var signedOut = await PostAsync(DevicesPath + "?handler=SignOut", page, [new("portalSessionId", others[0])]);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        var refused = new List<bool>();
        foreach (var browser in new[] { phone, laptop })
        {
            refused.Add((await browser.GetAsync("/profile")).StatusCode == HttpStatusCode.Redirect);
        }

        Assert.Single(refused, r => r);
        Assert.Equal(2, Devices(await GetPageAsync(DevicesPath)).Count);

        var everywhere = await PostAsync(DevicesPath + "?handler=SignOutEverywhereElse", await GetPageAsync(DevicesPath), []);
        Assert.Equal(HttpStatusCode.Redirect, everywhere.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await phone.GetAsync("/profile")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await laptop.GetAsync("/profile")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/profile")).StatusCode);
        Assert.Single(Devices(await GetPageAsync(DevicesPath)));
        var activity = await GetPageAsync("/activity");
        Assert.NotNull(activity.QuerySelector("#activity tbody tr[data-action='device_signed_out'][data-outcome='succeeded']"));
        Assert.NotNull(activity.QuerySelector("#activity tbody tr[data-action='signed_out_everywhere_else']"));
    }

    [Fact]
    public async Task A_reauthentication_keeps_this_browser_one_device_and_the_portal_session_sign_out_resumes()
    {
        Tenant.Services.GetRequiredService<SessionsFeature>().Enabled = false;
        await SignInAsync(AliceEmail, AlicePassword);
        var phone = NewBrowser();
        await SignInAsync(AliceEmail, AlicePassword, phone);
        var page = await GetPageAsync(DevicesPath);
        var phoneSession = Assert.Single(Devices(page), d => d.GetAttribute("data-current") == "false")
            .QuerySelector("input[name='portalSessionId']")!.GetAttribute("value")!;
        MakeSignInStale();

        var challenge = await PostAsync(DevicesPath + "?handler=SignOut", page, [new("portalSessionId", phoneSession)]);
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync("/profile")).StatusCode);
        var back = await ReauthenticateAsync(challenge, AliceEmail, AlicePassword);

        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        var resumed = await GetPageAsync(DevicesPath);
        // The new sign-in replaced this browser's row: still this device and the phone, not a third "device".
        Assert.Equal(2, Devices(resumed).Count);
        var signedOut = await PostAsync(DevicesPath + "?handler=SignOut", resumed, [new("portalSessionId", phoneSession)]);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await phone.GetAsync("/profile")).StatusCode);
        Assert.Single(Devices(await GetPageAsync(DevicesPath)));
    }

    [Fact]
    public async Task Signing_out_needs_a_recent_sign_in()
    {
        await SignInAsync(AliceEmail, AlicePassword);
        var phone = NewBrowser();
        await SignInAsync(AliceEmail, AlicePassword, phone);
        var page = await GetPageAsync(DevicesPath);
        var otherId = Assert.Single(Devices(page), d => d.GetAttribute("data-current") == "false").GetAttribute("data-session-id")!;
        MakeSignInStale();

        var challenge = await PostAsync(DevicesPath + "?handler=SignOut", page, [new("sessionId", otherId)]);

        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        Assert.StartsWith(Tenant.BaseUrl + "/authorize", challenge.Headers.Location!.AbsoluteUri, StringComparison.Ordinal);
        Assert.NotNull(Tenant.Store.Read(d => d.Find<TenantSession>(otherId)));
    }

    private static List<AngleSharp.Dom.IElement> Devices(IHtmlDocument page) => [.. page.QuerySelectorAll("#devices li.device")];

    private static AngleSharp.Dom.IElement Current(IHtmlDocument page) =>
        Assert.Single(Devices(page), d => d.GetAttribute("data-current") == "true");
}
