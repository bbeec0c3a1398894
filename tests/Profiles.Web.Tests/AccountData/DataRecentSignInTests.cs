using System.Net;

namespace Profiles.Web.Tests.AccountData;

/// <summary>
/// Export and deletion behind the recent sign-in window. The window is set to its minimum (30 s) and the portal clock moved
/// by 45 s: the base class's <c>MakeSignInStale</c> moves it by 10 minutes, which puts the challenge's request time more
/// than the tolerated 60 s ahead of the tenant's real-time <c>auth_time</c>, so the re-authentication would be refused.
/// </summary>
public sealed class DataRecentSignInTests : DataJourneyTests
{
    protected override IDictionary<string, string?> PortalSettings
    {
        get
        {
            var settings = base.PortalSettings;
            settings["Profiles:Security:RecentSignInSeconds"] = "30";
            return settings;
        }
    }

    private void MakeShortSignInStale() => Clock.Advance(TimeSpan.FromSeconds(45));

    [Fact]
    public async Task Export_needs_a_recent_sign_in()
    {
        await SignInAsync("alice@example.com", "Alice-demo-2026");
        var page = await GetPageAsync("/data");
        MakeShortSignInStale();
        TenantRequests.Clear();

        var challenge = await PostAsync("/data?handler=Export", page, []);

        Assert.Equal(0, TenantRequests.Count("GET", "/api/v2/users/"));
        var back = await ReauthenticateAsync(challenge, "alice@example.com", "Alice-demo-2026");
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        Assert.Equal("/data", back.Headers.Location!.OriginalString, ignoreCase: true);
        var resumed = await GetPageAsync("/data");
        Assert.NotNull(resumed.GetElementById("recent-sign-in-resumed"));
        var download = await PostAsync("/data?handler=Export", resumed, []);
        Assert.Equal("application/json", download.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task A_stale_sign_in_is_asked_again_and_the_typed_confirmation_is_kept()
    {
        await SignInAsync("alice@example.com", "Alice-demo-2026");
        var page = await GetPageAsync("/data/delete");
        MakeShortSignInStale();

        var challenge = await RequestDeletionAsync(page, "DELETE");

        Assert.Empty(await DeletionRowsAsync());
        var back = await ReauthenticateAsync(challenge, "alice@example.com", "Alice-demo-2026");
        Assert.Equal("/data/delete", back.Headers.Location!.OriginalString, ignoreCase: true);
        var resumed = await GetPageAsync("/data/delete");
        Assert.Equal("DELETE", resumed.GetElementById("confirmation")!.GetAttribute("value"));
        Assert.Empty(await DeletionRowsAsync());
    }
}
