using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.Extensions.DependencyInjection;
using Profiles.Core.Activity;
using Profiles.LocalTenant.Data;
using Profiles.Web.SignInMethods;
using Profiles.Web.Tests.Infrastructure;

namespace Profiles.Web.Tests;

/// <summary>Linking and unlinking sign-in methods end to end against the real local tenant (its emulated GitHub included).</summary>
public sealed class LinkingJourneyTests : TenantPortalTests
{
    private const string Alice = "auth0|64b97a87b6c808c6f9cc0001";
    private const string Dave = "auth0|64b97a87b6c808c6f9cc0004";

    /// <summary>Long enough for a candidate to outlive one "stale sign-in" jump of the clock (10 minutes).</summary>
    protected override IDictionary<string, string?> PortalSettings => new Dictionary<string, string?> { ["Profiles:Linking:CandidateMinutes"] = "30" };

    [Fact]
    public async Task Alice_links_a_new_github_account_after_seeing_the_preview()
    {
        await SignInAsync("alice@example.com", "Alice-demo-2026");
        var list = await GetPageAsync("/signinmethods");
        Assert.Single(list.QuerySelectorAll("li.sign-in-method"));

        var challenge = await StartLinkAsync(list, "github");
        var query = challenge.Headers.Location!.Query;
        Assert.Contains("connection=github", query, StringComparison.Ordinal);
        Assert.Contains("prompt=login", query, StringComparison.Ordinal);
        Assert.Contains("max_age=0", query, StringComparison.Ordinal);
        Assert.Contains("nonce=", query, StringComparison.Ordinal);
        Assert.Contains("code_challenge=", query, StringComparison.Ordinal);
        Assert.Contains(Uri.EscapeDataString("https://localhost" + LinkAuthentication.CallbackPath), query, StringComparison.Ordinal);

        var callback = await LinkSignIn.SocialAsync(Client, challenge.Headers.Location, "github", "alice-gh-77", "alice@github.example", true, "Alice on GitHub");
        Assert.Equal(LinkAuthentication.PreviewPath, callback.Headers.Location!.OriginalString);
        Assert.NotNull(PortalSession.SetCookieHeader(callback, "__Host-" + LinkAuthentication.CandidateCookieName));
        Assert.Null(PortalSession.SetCookieHeader(callback, "__Host-profiles"));
        Assert.Single(Identities(Alice));

        var preview = await GetPageAsync(LinkAuthentication.PreviewPath);
        var text = preview.QuerySelector("main")!.TextContent;
        Assert.Contains("GitHub", text, StringComparison.Ordinal);
        Assert.Contains("alice@github.example", text, StringComparison.Ordinal);
        Assert.Contains("discards its own profile settings", text, StringComparison.Ordinal);
        Assert.Single(Identities(Alice));

        var confirmed = await PostAsync(LinkAuthentication.PreviewPath, preview, []);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal("/signinmethods", confirmed.Headers.Location!.OriginalString);

        var identities = Identities(Alice);
        Assert.Equal(2, identities.Count);
        Assert.Equal(("github", "alice-gh-77"), (identities[1].Provider, identities[1].UserId));
        Assert.Null(Store.Read(d => d.FindUser("github|alice-gh-77")));
        var after = await GetPageAsync("/signinmethods");
        Assert.Equal(2, after.QuerySelectorAll("li.sign-in-method").Length);
        Assert.Contains("GitHub is now linked", after.QuerySelector(".status-message")!.TextContent, StringComparison.Ordinal);
        var notice = Assert.Single(await OutboxAsync("alice@example.com"), m => m.Kind == "portal:identity_linked");
        Assert.Contains("GitHub", notice.Body, StringComparison.Ordinal);
        var events = await Portal.Services.GetRequiredService<ISecurityEventLog>().ListRecentAsync(Alice, 10, CancellationToken.None);
        Assert.Contains(events, e => e.Action == SecurityActions.IdentityLinked && e.Outcome == SecurityOutcomes.Succeeded);
        // The candidate is gone: the preview has nothing to show any more.
        var again = await Client.GetAsync(LinkAuthentication.PreviewPath);
        Assert.Equal("/signinmethods", again.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_stale_sign_in_is_asked_again_before_the_second_sign_in_and_before_confirming()
    {
        await SignInAsync("alice@example.com", "Alice-demo-2026");
        var list = await GetPageAsync("/signinmethods");
        MakeSignInStale();

        var challenge = await StartLinkAsync(list, "github");
        Assert.DoesNotContain("connection=", challenge.Headers.Location!.Query, StringComparison.Ordinal);
        var back = await ReauthenticateAsync(challenge, "alice@example.com", "Alice-demo-2026");
        Assert.Equal("/signinmethods", back.Headers.Location!.OriginalString);
        var resumed = await GetPageAsync("/signinmethods");
        Assert.Equal("github", resumed.QuerySelector("#link-connection option[selected]")!.GetAttribute("value"));

        var linkChallenge = await StartLinkAsync(resumed, "github");
        await LinkSignIn.SocialAsync(Client, linkChallenge.Headers.Location!, "github", "alice-gh-88", "alice88@github.example", true, "Alice 88");
        var preview = await GetPageAsync(LinkAuthentication.PreviewPath);
        MakeSignInStale();

        var refused = await PostAsync(LinkAuthentication.PreviewPath, preview, []);
        Assert.StartsWith(Tenant.BaseUrl + "/authorize", refused.Headers.Location!.AbsoluteUri, StringComparison.Ordinal);
        Assert.Single(Identities(Alice));

        var returned = await ReauthenticateAsync(refused, "alice@example.com", "Alice-demo-2026");
        Assert.Equal(LinkAuthentication.PreviewPath, returned.Headers.Location!.OriginalString);
        var again = await GetPageAsync(LinkAuthentication.PreviewPath);
        var confirmed = await PostAsync(LinkAuthentication.PreviewPath, again, []);
        Assert.Equal("/signinmethods", confirmed.Headers.Location!.OriginalString);
        Assert.Equal(2, Identities(Alice).Count);
    }

    [Fact]
    public async Task Cancelling_the_preview_forgets_the_candidate_and_links_nothing()
    {
        await SignInAsync("alice@example.com", "Alice-demo-2026");
        var list = await GetPageAsync("/signinmethods");
        await LinkSignIn.SocialAsync(Client, (await StartLinkAsync(list, "github")).Headers.Location!, "github", "alice-gh-cancel", "cancel@github.example", true, "Cancel");
        var preview = await GetPageAsync(LinkAuthentication.PreviewPath);

        var cancelled = await PostAsync("/signinmethods/cancellink", preview, []);

        Assert.Equal("/signinmethods", cancelled.Headers.Location!.OriginalString);
        var page = await GetPageAsync("/signinmethods");
        Assert.Contains("Nothing was linked", page.QuerySelector(".status-message")!.TextContent, StringComparison.Ordinal);
        var forged = await PostAsync(LinkAuthentication.PreviewPath, page, []);
        Assert.Equal("/signinmethods", forged.Headers.Location!.OriginalString);
        Assert.Single(Identities(Alice));
        Assert.NotNull(Store.Read(d => d.FindUser("github|alice-gh-cancel")));
    }

    [Fact]
    public async Task Posts_without_an_antiforgery_token_are_refused_and_change_nothing()
    {
        await SignInAsync("dave@example.com", "Dave-demo-2026");
        var list = await GetPageAsync("/signinmethods");
        await LinkSignIn.SocialAsync(Client, (await StartLinkAsync(list, "github")).Headers.Location!, "github", "dave-gh-2", "dave2@github.example", true, "Dave 2");

        var link = await PortalSession.PostFormAsync(Client, LinkAuthentication.PreviewPath, []);
        var unlink = await PortalSession.PostFormAsync(Client, "/signinmethods/unlink", [new("Input.Provider", "github"), new("Input.Id", "4120001")]);
        var start = await PortalSession.PostFormAsync(Client, "/signinmethods?handler=Link", [new("Input.Connection", "github")]);

        Assert.Equal(HttpStatusCode.BadRequest, link.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unlink.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, start.StatusCode);
        Assert.Equal(2, Identities(Dave).Count);
        Assert.NotNull(Store.Read(d => d.FindUser("github|dave-gh-2")));
    }

    [Fact]
    public async Task An_account_with_an_unverified_email_is_refused()
    {
        await SignInAsync("alice@example.com", "Alice-demo-2026");
        var list = await GetPageAsync("/signinmethods");
        var callback = await LinkSignIn.SocialAsync(Client, (await StartLinkAsync(list, "github")).Headers.Location!, "github", "unverified-gh", "someone@github.example", false, "Unverified");
        Assert.Equal(LinkAuthentication.PreviewPath, callback.Headers.Location!.OriginalString);

        var preview = await Client.GetAsync(LinkAuthentication.PreviewPath);

        Assert.Equal("/signinmethods", preview.Headers.Location!.OriginalString);
        var page = await GetPageAsync("/signinmethods");
        Assert.Contains("email address is not verified", page.QuerySelector(".form-error")!.TextContent, StringComparison.Ordinal);
        Assert.Single(Identities(Alice));
        var standalone = Store.Read(d => d.FindUser("github|unverified-gh"));
        Assert.NotNull(standalone);
        Assert.Single(standalone.Identities);
        // The refused candidate is dropped, so a forged confirmation has nothing to link.
        var forged = await PostAsync(LinkAuthentication.PreviewPath, page, []);
        Assert.Equal("/signinmethods", forged.Headers.Location!.OriginalString);
        Assert.Single(Identities(Alice));
    }

    [Fact]
    public async Task A_user_with_an_unverified_email_cannot_start_linking()
    {
        await SignInAsync("bob@example.com", "Bob-demo-2026");
        var list = await GetPageAsync("/signinmethods");

        var start = await StartLinkAsync(list, "github", expectChallenge: false);

        Assert.Equal("/signinmethods", start.Headers.Location!.OriginalString);
        var page = await GetPageAsync("/signinmethods");
        Assert.Contains("Verify your email address", page.QuerySelector(".form-error")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_identity_already_linked_to_another_user_is_refused()
    {
        await SignInAsync("alice@example.com", "Alice-demo-2026");
        var list = await GetPageAsync("/signinmethods");
        // Dave's GitHub identity signs in as Dave: the tenant answers with his (primary) user.
        await LinkSignIn.SocialAsync(Client, (await StartLinkAsync(list, "github")).Headers.Location!, "github", "4120001", null, true, "Dave on GitHub");

        var preview = await Client.GetAsync(LinkAuthentication.PreviewPath);

        Assert.Equal("/signinmethods", preview.Headers.Location!.OriginalString);
        var page = await GetPageAsync("/signinmethods");
        Assert.Contains("already linked to another user", page.QuerySelector(".form-error")!.TextContent, StringComparison.Ordinal);
        Assert.Single(Identities(Alice));
        Assert.Equal(2, Identities(Dave).Count);
    }

    [Fact]
    public async Task Signing_in_with_the_same_account_is_refused()
    {
        await SignInAsync("alice@example.com", "Alice-demo-2026");
        var list = await GetPageAsync("/signinmethods");
        await LinkSignIn.PasswordAsync(Client, (await StartLinkAsync(list, "Username-Password-Authentication")).Headers.Location!,
            "alice@example.com", "Alice-demo-2026");

        var preview = await Client.GetAsync(LinkAuthentication.PreviewPath);

        Assert.Equal("/signinmethods", preview.Headers.Location!.OriginalString);
        var page = await GetPageAsync("/signinmethods");
        Assert.Contains("already signed in with", page.QuerySelector(".form-error")!.TextContent, StringComparison.Ordinal);
        Assert.Single(Identities(Alice));
    }

    [Fact]
    public async Task A_candidate_started_by_another_user_on_this_browser_is_refused()
    {
        await SignInAsync("alice@example.com", "Alice-demo-2026");
        var list = await GetPageAsync("/signinmethods");
        await LinkSignIn.SocialAsync(Client, (await StartLinkAsync(list, "github")).Headers.Location!, "github", "alice-gh-swap", "swap@github.example", true, "Swap");

        // Someone else signs in on the same browser while Alice's candidate is still waiting.
        await SignInAsync("dave@example.com", "Dave-demo-2026");
        var preview = await Client.GetAsync(LinkAuthentication.PreviewPath);

        Assert.Equal("/signinmethods", preview.Headers.Location!.OriginalString);
        var page = await GetPageAsync("/signinmethods");
        Assert.Contains("started by someone else", page.QuerySelector(".form-error")!.TextContent, StringComparison.Ordinal);
        var forged = await PostAsync(LinkAuthentication.PreviewPath, page, []);
        Assert.Equal("/signinmethods", forged.Headers.Location!.OriginalString);
        Assert.Equal(2, Identities(Dave).Count);
        Assert.Single(Identities(Alice));
        Assert.NotNull(Store.Read(d => d.FindUser("github|alice-gh-swap")));
    }

    [Fact]
    public async Task A_second_sign_in_that_returns_while_another_user_is_signed_in_is_refused_at_the_callback()
    {
        await SignInAsync("alice@example.com", "Alice-demo-2026");
        var list = await GetPageAsync("/signinmethods");
        var challenge = await StartLinkAsync(list, "github");
        await SignInAsync("dave@example.com", "Dave-demo-2026");

        var callback = await LinkSignIn.SocialAsync(Client, challenge.Headers.Location!, "github", "late-gh", "late@github.example", true, "Late");

        Assert.Equal("/signinmethods?problem=other_user", callback.Headers.Location!.OriginalString);
        Assert.Null(PortalSession.SetCookieHeader(callback, "__Host-" + LinkAuthentication.CandidateCookieName));
        Assert.Equal(2, Identities(Dave).Count);
    }

    [Fact]
    public async Task Dave_unlinks_his_github_identity_after_confirming()
    {
        await SignInAsync("dave@example.com", "Dave-demo-2026");
        var list = await GetPageAsync("/signinmethods");
        var unlinkHref = list.QuerySelector("li.sign-in-method a.button")!.GetAttribute("href")!;

        var confirm = await GetPageAsync(unlinkHref);
        Assert.Contains("separate account", confirm.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var done = await PostAsync("/signinmethods/unlink", confirm, FormFields(confirm));

        Assert.Equal("/signinmethods", done.Headers.Location!.OriginalString);
        Assert.Single(Identities(Dave));
        var standalone = Store.Read(d => d.FindUser("github|4120001"));
        Assert.NotNull(standalone);
        Assert.Empty(standalone.UserMetadata ?? []);
        var page = await GetPageAsync("/signinmethods");
        Assert.Contains("was unlinked", page.QuerySelector(".status-message")!.TextContent, StringComparison.Ordinal);
        Assert.Single(await OutboxAsync("dave@example.com"), m => m.Kind == "portal:identity_unlinked");
        var events = await Portal.Services.GetRequiredService<ISecurityEventLog>().ListRecentAsync(Dave, 10, CancellationToken.None);
        Assert.Contains(events, e => e.Action == SecurityActions.IdentityUnlinked && e.Outcome == SecurityOutcomes.Succeeded);
    }

    [Fact]
    public async Task Unlinking_with_a_stale_sign_in_resumes_the_confirmation()
    {
        await SignInAsync("dave@example.com", "Dave-demo-2026");
        var confirm = await GetPageAsync("/signinmethods/unlink?provider=github&id=4120001");
        MakeSignInStale();

        var challenge = await PostAsync("/signinmethods/unlink", confirm, FormFields(confirm));
        Assert.Equal(2, Identities(Dave).Count);
        var back = await ReauthenticateAsync(challenge, "dave@example.com", "Dave-demo-2026");
        Assert.Equal("/signinmethods/unlink", back.Headers.Location!.OriginalString);
        var resumed = await GetPageAsync("/signinmethods/unlink");
        Assert.Equal("4120001", resumed.QuerySelector("input[name='Input.Id']")!.GetAttribute("value"));

        await PostAsync("/signinmethods/unlink", resumed, FormFields(resumed));
        Assert.Single(Identities(Dave));
    }

    [Fact]
    public async Task The_main_identity_cannot_be_unlinked()
    {
        await SignInAsync("dave@example.com", "Dave-demo-2026");
        var list = await GetPageAsync("/signinmethods");
        var page = await GetPageAsync("/signinmethods/unlink?provider=auth0&id=64b97a87b6c808c6f9cc0004");
        Assert.Null(page.QuerySelector("form input[name='Input.Id']"));

        var refused = await PostAsync("/signinmethods/unlink", list, [new("Input.Provider", "auth0"), new("Input.Id", "64b97a87b6c808c6f9cc0004")]);

        Assert.Equal("/signinmethods", refused.Headers.Location!.OriginalString);
        var after = await GetPageAsync("/signinmethods");
        Assert.Contains("main sign-in method cannot be unlinked", after.QuerySelector(".form-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, Identities(Dave).Count);
        Assert.DoesNotContain(TenantRequests.All, r => r.Method == "DELETE" && r.Path.Contains("/identities/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_last_sign_in_method_cannot_be_unlinked()
    {
        await SignInAsync("alice@example.com", "Alice-demo-2026");
        var list = await GetPageAsync("/signinmethods");
        Assert.Null(list.QuerySelector("li.sign-in-method a.button"));

        var refused = await PostAsync("/signinmethods/unlink", list, [new("Input.Provider", "auth0"), new("Input.Id", "64b97a87b6c808c6f9cc0001")]);

        Assert.Equal("/signinmethods", refused.Headers.Location!.OriginalString);
        var after = await GetPageAsync("/signinmethods");
        Assert.Contains("only way to sign in", after.QuerySelector(".form-error")!.TextContent, StringComparison.Ordinal);
        Assert.Single(Identities(Alice));
        Assert.NotNull(Store.Read(d => d.FindUser(Alice)));
    }

    private TenantStore Store => Tenant.Services.GetRequiredService<TenantStore>();

    private List<TenantIdentity> Identities(string userId) => Store.Read(d => d.FindUser(userId)!.Identities.Select(i => i.Clone()).ToList());

    private async Task<HttpResponseMessage> StartLinkAsync(IHtmlDocument list, string connection, bool expectChallenge = true)
    {
        var response = await PostAsync("/signinmethods?handler=Link", list, [new("Input.Connection", connection)]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        if (expectChallenge)
        {
            Assert.StartsWith(Tenant.BaseUrl + "/authorize", response.Headers.Location!.AbsoluteUri, StringComparison.Ordinal);
        }

        return response;
    }

    private static List<KeyValuePair<string, string>> FormFields(IHtmlDocument page) =>
        page.QuerySelectorAll("form[method='post'] input[type='hidden']")
            .Where(i => i.GetAttribute("name") != "__RequestVerificationToken")
            .Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? ""))
            .ToList();
}
