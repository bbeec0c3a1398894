using System.Net;
using Profiles.Web.Tests.Infrastructure;

namespace Profiles.Web.Tests.Email;

/// <summary>Asking for an email change with a stale sign-in: Auth0 is asked again and the typed address survives; coming back
/// as someone else changes nothing.</summary>
public sealed class EmailChangeReauthenticationTests : TenantPortalTests
{
    private const string NewAddress = "alice.new@example.com";

    [Fact]
    public async Task A_stale_sign_in_is_challenged_and_the_typed_address_comes_back()
    {
        await SignInAsync("alice@example.com", "Alice-demo-2026");
        var page = await GetPageAsync("/security/email");
        MakeSignInStale();

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

    [Fact]
    public async Task Reauthenticating_as_another_account_is_refused_and_the_session_stays_as_it_was()
    {
        await SignInAsync("alice@example.com", "Alice-demo-2026");
        var page = await GetPageAsync("/security/email");
        MakeSignInStale();

        var challenge = await PostAsync("/security/email", page, [new("Input.NewEmail", NewAddress)]);
        var callback = await ReauthenticateAsync(challenge, "bob@example.com", "Bob-demo-2026");

        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.Contains("signin-error?reason=other_account", callback.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var error = await GetPageAsync(callback.Headers.Location!.OriginalString);
        Assert.Equal("You signed in as someone else", error.QuerySelector("h1")!.TextContent.Trim());

        // Still Alice, still not recently signed in: the next try is challenged again, and nothing was sent or changed.
        var again = await PostAsync("/security/email", await GetPageAsync("/security/email"), [new("Input.NewEmail", NewAddress)]);
        Assert.StartsWith(Tenant.BaseUrl + "/authorize", again.Headers.Location!.AbsoluteUri, StringComparison.Ordinal);
        Assert.Empty(await OutboxAsync(NewAddress));
        Assert.Equal("alice@example.com", (await EmailJourney.ManagementUserAsync(Portal, EmailJourney.AliceId)).Email);
    }
}
