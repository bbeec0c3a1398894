using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Profiles.LocalTenant.Faults;
using Profiles.LocalTenant.Hosting;
using Profiles.Web.Tests.Infrastructure;

namespace Profiles.Web.Tests;

/// <summary>
/// The Management API call budget, counted at the local tenant: the first account page after sign-in costs at most one
/// <c>GET /users/{id}</c>, further page views in the cache window cost none, and a save costs exactly one <c>PATCH</c> and no GET.
/// </summary>
public sealed class CallBudgetTests : IAsyncLifetime
{
    private const string ClientId = "portal-budget-tests";
    private const string ClientSecret = "portal-budget-tests-secret";
    private const string AliceUsers = "/api/v2/users/auth0|64b97a87b6c808c6f9cc0001";

    private EmbeddedLocalTenant _tenant = null!;
    private PortalFactory _portal = null!;

    private RequestLog Log => _tenant.Services.GetRequiredService<RequestLog>();

    public async Task InitializeAsync()
    {
        _tenant = await PortalTenant.StartAsync(ClientId, ClientSecret);
        _portal = new PortalFactory(_tenant.BaseUrl, extraSettings: PortalTenant.Settings(ClientId, ClientSecret), realProfileService: true);
    }

    public async Task DisposeAsync()
    {
        await _portal.DisposeAsync();
        await _tenant.DisposeAsync();
    }

    [Fact]
    public async Task Page_views_share_one_read_and_each_save_is_exactly_one_patch()
    {
        var portal = _portal.CreatePortalClient();
        await TenantSignIn.SignInAsync(portal, "alice@example.com", "Alice-demo-2026");
        Log.Clear();

        var overview = await portal.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, overview.StatusCode);
        Assert.Equal(1, Reads());

        var profile = await PortalSession.GetDocumentAsync(portal, "/profile");
        var preferences = await PortalSession.GetDocumentAsync(portal, "/preferences");
        Assert.Equal(HttpStatusCode.OK, (await portal.GetAsync("/")).StatusCode);
        Assert.Equal(1, Reads());
        Assert.Equal(0, Patches());

        var saved = await PortalSession.PostFormAsync(portal, "/profile",
        [
            new("__RequestVerificationToken", PortalSession.AntiforgeryToken(profile)),
            new("Input.Name", "Alice Budget"),
            new("Input.Nickname", profile.GetElementById("Input_Nickname")!.GetAttribute("value") ?? ""),
            new("Input.GivenName", profile.GetElementById("Input_GivenName")!.GetAttribute("value") ?? ""),
            new("Input.FamilyName", profile.GetElementById("Input_FamilyName")!.GetAttribute("value") ?? ""),
            new("Input.Picture", profile.GetElementById("Input_Picture")!.GetAttribute("value") ?? ""),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(1, Patches());
        Assert.Equal(1, Reads());

        var savedPreferences = await PortalSession.PostFormAsync(portal, "/preferences",
        [
            new("__RequestVerificationToken", PortalSession.AntiforgeryToken(preferences)),
            new("Values[preferred_language]", "en"),
            new("Values[time_zone]", "Europe/Berlin"),
            new("Values[salutation]", "dr"),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, savedPreferences.StatusCode);
        Assert.Equal(2, Patches());

        // The PATCH answers with the new profile, which replaces the cached one: the next pages show it without a read.
        var after = await PortalSession.GetDocumentAsync(portal, "/profile");
        Assert.Equal("Alice Budget", after.GetElementById("Input_Name")!.GetAttribute("value"));
        Assert.Equal(1, Reads());
        Assert.All(Log.All.Where(r => r.Path.StartsWith("/api/v2/", StringComparison.Ordinal)), r => Assert.StartsWith(AliceUsers, r.Path, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Saving_unchanged_values_sends_nothing()
    {
        var portal = _portal.CreatePortalClient();
        await TenantSignIn.SignInAsync(portal, "alice@example.com", "Alice-demo-2026");
        var profile = await PortalSession.GetDocumentAsync(portal, "/profile");
        Log.Clear();

        var saved = await PortalSession.PostFormAsync(portal, "/profile",
        [
            new("__RequestVerificationToken", PortalSession.AntiforgeryToken(profile)),
            new("Input.Name", profile.GetElementById("Input_Name")!.GetAttribute("value") ?? ""),
            new("Input.Nickname", profile.GetElementById("Input_Nickname")!.GetAttribute("value") ?? ""),
            new("Input.GivenName", profile.GetElementById("Input_GivenName")!.GetAttribute("value") ?? ""),
            new("Input.FamilyName", profile.GetElementById("Input_FamilyName")!.GetAttribute("value") ?? ""),
            new("Input.Picture", profile.GetElementById("Input_Picture")!.GetAttribute("value") ?? ""),
        ]);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(0, Patches());
        Assert.Equal(0, Reads());
    }

    /// <summary>Reads of the profile itself (the overview's count of second factors is its own read, of the user's
    /// authentication methods).</summary>
    private int Reads() => Log.CountExactly("GET", AliceUsers);

    private int Patches() => Log.Count("PATCH", AliceUsers);
}
