using System.Net;
using Profiles.Web.Tests.Infrastructure;

namespace Profiles.Web.Tests.Email;

/// <summary>Asking for an email change with a stale sign-in: Auth0 is asked again and the typed address survives.</summary>
public sealed class EmailChangeReauthenticationTests : TenantPortalTests
{
    private const string NewAddress = "alice.new@example.com";

    /// <summary>The shortest window the portal allows, so the portal clock only has to move 45 s to make the sign-in stale. Moving
    /// it further (as <see cref="TenantPortalTests.MakeSignInStale"/> does, 10 minutes) makes the portal's own check of the new
    /// auth_time (at most 60 s older than the challenge) refuse the tenant's real-time answer.</summary>
    protected override IDictionary<string, string?> PortalSettings => new Dictionary<string, string?>
    {
        ["Profiles:Security:RecentSignInSeconds"] = "30",
    };

    [Fact]
    public async Task A_stale_sign_in_is_challenged_and_the_typed_address_comes_back()
    {
        await SignInAsync("alice@example.com", "Alice-demo-2026");
        var page = await GetPageAsync("/security/email");
        Clock.Advance(TimeSpan.FromSeconds(45));

        var challenge = await PostAsync("/security/email", page, [new("Input.NewEmail", NewAddress)]);
        Assert.Empty(await OutboxAsync(NewAddress));
        var callback = await ReauthenticateAsync(challenge, "alice@example.com", "Alice-demo-2026");

        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.Equal("/security/email", callback.Headers.Location!.OriginalString);
        var resumed = await GetPageAsync("/security/email");
        Assert.Equal(NewAddress, resumed.QuerySelector("#Input_NewEmail")!.GetAttribute("value"));
        Assert.NotNull(resumed.QuerySelector("#recent-sign-in-resumed"));
        Assert.Equal("alice@example.com", (await EmailJourney.ManagementUserAsync(Portal, EmailJourney.AliceId)).Email);

        // Submitting the kept form now sends the code.
        var sent = await PostAsync("/security/email", resumed, [new("Input.NewEmail", NewAddress)]);
        Assert.Equal("/security/email/confirm", sent.Headers.Location!.OriginalString);
        Assert.Single(await OutboxAsync(NewAddress));
    }
}
