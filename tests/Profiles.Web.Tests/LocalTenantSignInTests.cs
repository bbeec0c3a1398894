using System.Net;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Moq;
using Profiles.LocalTenant.Hosting;
using Profiles.Web.Tests.Infrastructure;

namespace Profiles.Web.Tests;

/// <summary>The portal against the real local tenant over HTTP: its login page, its ID tokens, its error redirects.</summary>
public sealed class LocalTenantSignInTests : IAsyncLifetime
{
    private const string ClientId = "portal-web-tests";
    private const string ClientSecret = "portal-web-tests-secret";

    private EmbeddedLocalTenant _tenant = null!;
    private PortalFactory _portal = null!;
    private PortalFactory _realPortal = null!;

    public async Task InitializeAsync()
    {
        _tenant = await PortalTenant.StartAsync(ClientId, ClientSecret);
        var settings = PortalTenant.Settings(ClientId, ClientSecret);
        _portal = new PortalFactory(_tenant.BaseUrl, extraSettings: settings);
        _realPortal = new PortalFactory(_tenant.BaseUrl, extraSettings: settings, realProfileService: true);
    }

    public async Task DisposeAsync()
    {
        await _portal.DisposeAsync();
        await _realPortal.DisposeAsync();
        await _tenant.DisposeAsync();
    }

    [Fact]
    public async Task A_demo_user_signs_in_through_the_tenant_login_page()
    {
        var portal = _portal.CreatePortalClient();

        var callback = await TenantSignIn.SignInAsync(portal, "alice@example.com", "Alice-demo-2026");

        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.Equal("/", callback.Headers.Location!.OriginalString);
        var cookie = PortalSession.SetCookieHeader(callback, "__Host-profiles")!;
        var ticket = _portal.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>()
            .Get(CookieAuthenticationDefaults.AuthenticationScheme).TicketDataFormat.Unprotect(cookie.Split(';')[0]["__Host-profiles=".Length..])!;
        Assert.Equal("auth0|64b97a87b6c808c6f9cc0001", ticket.Principal.FindFirst("sub")?.Value);
        Assert.False(string.IsNullOrEmpty(ticket.Principal.FindFirst("sid")?.Value));
        Assert.False(string.IsNullOrEmpty(ticket.Principal.FindFirst("auth_time")?.Value));
    }

    [Fact]
    public async Task A_blocked_user_gets_the_friendly_blocked_page()
    {
        var portal = _portal.CreatePortalClient();

        var callback = await TenantSignIn.SignInAsync(portal, "erin@example.com", "Erin-demo-2026");

        Assert.Equal("/account/signin-error?reason=blocked", callback.Headers.Location!.OriginalString);
        Assert.Null(PortalSession.SetCookieHeader(callback, "__Host-profiles"));
        var page = await portal.GetAsync(callback.Headers.Location.OriginalString);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Your account is blocked", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_out_reaches_the_tenant_logout_which_accepts_the_return_url()
    {
        var portal = _portal.CreatePortalClient();
        _portal.Profiles.Setup(p => p.GetProfileAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync(SampleProfiles.Alice());
        await TenantSignIn.SignInAsync(portal, "alice@example.com", "Alice-demo-2026");
        var token = PortalSession.AntiforgeryToken(await PortalSession.GetDocumentAsync(portal, "/"));

        var signOut = await PortalSession.PostFormAsync(portal, "/account/logout", [new("__RequestVerificationToken", token)]);
        using var tenantClient = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var logout = await tenantClient.GetAsync(signOut.Headers.Location!);

        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal("https://localhost/", logout.Headers.Location!.AbsoluteUri);
    }

    [Fact]
    public async Task With_the_real_profile_service_the_overview_and_a_profile_edit_go_through_the_management_api()
    {
        var portal = _realPortal.CreatePortalClient();
        await TenantSignIn.SignInAsync(portal, "alice@example.com", "Alice-demo-2026");

        var overview = await PortalSession.GetDocumentAsync(portal, "/");
        Assert.Contains("alice@example.com", overview.GetElementById("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Email and password", overview.GetElementById("main")!.TextContent, StringComparison.Ordinal);

        var form = await PortalSession.GetDocumentAsync(portal, "/profile");
        Assert.Equal("Alice Example", form.GetElementById("Input_Name")!.GetAttribute("value"));
        var saved = await PortalSession.PostFormAsync(portal, "/profile",
        [
            new("__RequestVerificationToken", PortalSession.AntiforgeryToken(form)),
            new("Input.Name", "Alice Renamed"),
            new("Input.Nickname", form.GetElementById("Input_Nickname")!.GetAttribute("value") ?? ""),
            new("Input.GivenName", form.GetElementById("Input_GivenName")!.GetAttribute("value") ?? ""),
            new("Input.FamilyName", form.GetElementById("Input_FamilyName")!.GetAttribute("value") ?? ""),
            new("Input.Picture", form.GetElementById("Input_Picture")!.GetAttribute("value") ?? ""),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var after = await PortalSession.GetDocumentAsync(portal, "/profile");
        Assert.Equal("Your profile has been saved.", after.QuerySelector("[role='status']")!.TextContent.Trim());
        Assert.Equal("Alice Renamed", after.GetElementById("Input_Name")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Another_users_data_is_unreachable_even_with_forged_ids_in_forms_and_query_strings()
    {
        const string FrankId = "auth0|64b97a87b6c808c6f9cc0006";
        var frankBefore = _tenant.Store.Read(d => d.FindUser(FrankId)!.Clone());
        var portal = _realPortal.CreatePortalClient();
        await TenantSignIn.SignInAsync(portal, "alice@example.com", "Alice-demo-2026");

        var form = await PortalSession.GetDocumentAsync(portal, "/profile?userId=" + Uri.EscapeDataString(FrankId) + "&id=" + Uri.EscapeDataString(FrankId));
        Assert.Equal("Alice Example", form.GetElementById("Input_Name")!.GetAttribute("value"));
        var overview = await PortalSession.GetDocumentAsync(portal, "/?user_id=" + Uri.EscapeDataString(FrankId));
        Assert.DoesNotContain("frank@example.com", overview.Body!.TextContent, StringComparison.Ordinal);

        var saved = await PortalSession.PostFormAsync(portal, "/profile?userId=" + Uri.EscapeDataString(FrankId),
        [
            new("__RequestVerificationToken", PortalSession.AntiforgeryToken(form)),
            new("userId", FrankId),
            new("user_id", FrankId),
            new("Input.UserId", FrankId),
            new("Input.Name", "Not Frank"),
            new("Input.Nickname", "alice"),
            new("Input.GivenName", "Alice"),
            new("Input.FamilyName", "Example"),
            new("Input.Picture", ""),
        ]);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var frankAfter = _tenant.Store.Read(d => d.FindUser(FrankId)!.Clone());
        Assert.Equal(frankBefore.Name, frankAfter.Name);
        Assert.Equal(frankBefore.UpdatedAt, frankAfter.UpdatedAt);
        Assert.Equal("Not Frank", _tenant.Store.Read(d => d.FindUser("auth0|64b97a87b6c808c6f9cc0001")!.Name));
    }
}
