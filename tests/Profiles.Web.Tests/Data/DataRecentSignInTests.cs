using System.Net;

namespace Profiles.Web.Tests.Data;

/// <summary>Export and deletion behind the recent sign-in window.</summary>
public sealed class DataRecentSignInTests : DataJourneyTests
{
    [Fact]
    public async Task Export_needs_a_recent_sign_in()
    {
        await SignInAsync("alice@example.com", "Alice-demo-2026");
        var page = await GetPageAsync("/data");
        MakeSignInStale();
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
        MakeSignInStale();

        var challenge = await RequestDeletionAsync(page, "DELETE");

        Assert.Empty(await DeletionRowsAsync());
        var back = await ReauthenticateAsync(challenge, "alice@example.com", "Alice-demo-2026");
        Assert.Equal("/data/delete", back.Headers.Location!.OriginalString, ignoreCase: true);
        var resumed = await GetPageAsync("/data/delete");
        Assert.Equal("DELETE", resumed.GetElementById("confirmation")!.GetAttribute("value"));
        Assert.Empty(await DeletionRowsAsync());
    }
}
