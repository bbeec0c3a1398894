using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.Extensions.DependencyInjection;
using Profiles.Web.Tests.Infrastructure;

namespace Profiles.Web.Tests.Journeys;

/// <summary>The password journey against the real local tenant: reset link with its cooldown, change with recent sign-in and
/// what follows it, and every refusal leaving the password as it was.</summary>
public sealed class PasswordJourneyTests : TenantPortalTests
{
    private const string Alice = "alice@example.com";
    private const string AlicePassword = "Alice-demo-2026";
    private const string NewPassword = "Tr1cky-Harbor-47";
    private const string PagePath = "/security/password";
    private const string ChangePath = "/security/password?handler=ChangePassword";
    private const string ResetPath = "/security/password/reset-link?handler=SendResetLink";

    [Fact]
    public async Task Reset_link_sends_the_tenant_email_without_a_fresh_sign_in_and_a_second_click_shows_the_countdown()
    {
        await SignInAsync(Alice, AlicePassword);
        var page = await GetPageAsync(PagePath);
        Assert.Null(page.QuerySelector("#reset-link button")!.GetAttribute("disabled"));
        // The link only proves control of the mailbox, so it works with a stale sign-in too.
        MakeSignInStale();

        var first = await PostAsync(ResetPath, page, []);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(PagePath, first.Headers.Location!.OriginalString);
        var afterFirst = await GetPageAsync(PagePath);
        Assert.Contains("emailed you a reset link", afterFirst.QuerySelector("#password-status")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(afterFirst.QuerySelector("#reset-link button")!.GetAttribute("disabled"));
        Assert.Matches(@"another one in (60|59) seconds", afterFirst.QuerySelector("#reset-wait")!.TextContent);
        var mail = Assert.Single(await OutboxAsync(Alice));
        Assert.Equal("password-reset", mail.Kind);
        Assert.Contains(mail.Links, l => l.Contains("/u/reset-password?ticket=", StringComparison.Ordinal));

        Clock.Advance(TimeSpan.FromSeconds(20));
        var second = await PostAsync(ResetPath, afterFirst, []);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        var afterSecond = await GetPageAsync(PagePath);
        Assert.Matches(@"another one in (40|39) seconds", afterSecond.QuerySelector("#reset-error")!.TextContent);
        Assert.Single(await OutboxAsync(Alice));
        Assert.Equal(1, TenantRequests.Count("POST", "/dbconnections/change_password"));
    }

    [Fact]
    public async Task Change_password_works_end_to_end_ends_other_sessions_and_sends_a_notice()
    {
        var otherBrowser = NewBrowser();
        await SignInAsync(Alice, AlicePassword, otherBrowser);
        await GetPageAsync("/profile", otherBrowser);
        await SignInAsync(Alice, AlicePassword);
        var page = await GetPageAsync(PagePath);

        var response = await PostAsync(ChangePath, page, Passwords(NewPassword, NewPassword));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(PagePath, response.Headers.Location!.OriginalString);
        var after = await GetPageAsync(PagePath);
        Assert.Contains("Your password has been changed", after.QuerySelector("#password-status")!.TextContent, StringComparison.Ordinal);
        AssertPasswordFieldsEmpty(after);
        Assert.DoesNotContain(NewPassword, after.DocumentElement.OuterHtml, StringComparison.Ordinal);

        var notice = Assert.Single(await OutboxAsync(Alice));
        Assert.Equal("portal:password_changed", notice.Kind);
        Assert.Equal("Your password was changed", notice.Subject);
        Assert.Contains("If it wasn't you", notice.Body, StringComparison.Ordinal);
        Assert.Contains("(Europe/London)", notice.Body, StringComparison.Ordinal);

        var ended = await otherBrowser.GetAsync("/profile");
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/profile")).StatusCode);
        Assert.Equal(1, TenantRequests.Count("DELETE", "/api/v2/users/auth0%7C64b97a87b6c808c6f9cc0001/sessions")
            + TenantRequests.Count("DELETE", "/api/v2/users/auth0|64b97a87b6c808c6f9cc0001/sessions"));

        Assert.True(await TenantCredentials.AcceptsAsync(NewBrowser(), Alice, NewPassword));
        Assert.False(await TenantCredentials.AcceptsAsync(NewBrowser(), Alice, AlicePassword));
        Assert.DoesNotContain(Portal.Logs.Entries, e => e.Message.Contains(NewPassword, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Stale_sign_in_asks_to_sign_in_again_and_returns_to_empty_password_fields_with_the_notice()
    {
        await SignInAsync(Alice, AlicePassword);
        var page = await GetPageAsync(PagePath);
        MakeSignInStale();

        var challenge = await PostAsync(ChangePath, page, Passwords(NewPassword, NewPassword));
        var callback = await ReauthenticateAsync(challenge, Alice, AlicePassword);

        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.Equal(PagePath, callback.Headers.Location!.OriginalString);
        var resumed = await GetPageAsync(PagePath);
        Assert.NotNull(resumed.QuerySelector("#recent-sign-in-resumed"));
        AssertPasswordFieldsEmpty(resumed);
        Assert.Equal(0, TenantRequests.Count("PATCH", "/api/v2/users"));
        Assert.True(await TenantCredentials.AcceptsAsync(NewBrowser(), Alice, AlicePassword));
    }

    [Fact]
    public async Task Missing_antiforgery_token_is_refused_and_the_password_is_unchanged()
    {
        await SignInAsync(Alice, AlicePassword);

        var response = await PortalSession.PostFormAsync(Client, ChangePath, Passwords(NewPassword, NewPassword));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, TenantRequests.Count("PATCH", "/api/v2/users"));
        Assert.True(await TenantCredentials.AcceptsAsync(NewBrowser(), Alice, AlicePassword));
    }

    [Fact]
    public async Task Mismatched_confirmation_is_shown_next_to_the_field_and_nothing_is_sent()
    {
        await SignInAsync(Alice, AlicePassword);
        var page = await GetPageAsync(PagePath);

        var response = await PostAsync(ChangePath, page, Passwords(NewPassword, NewPassword + "x"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var shown = await PortalSession.ParseAsync(response);
        Assert.Contains("do not match", shown.QuerySelector("#Input_ConfirmPassword-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("true", shown.QuerySelector("#Input_ConfirmPassword")!.GetAttribute("aria-invalid"));
        AssertPasswordFieldsEmpty(shown);
        Assert.Equal(0, TenantRequests.Count("PATCH", "/api/v2/users"));
        Assert.Empty(await OutboxAsync(Alice));
    }

    [Fact]
    public async Task Weak_password_refused_by_Auth0_is_explained_as_rules_and_the_password_is_unchanged()
    {
        await SignInAsync(Alice, AlicePassword);
        var page = await GetPageAsync(PagePath);

        var response = await PostAsync(ChangePath, page, Passwords("short", "short"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var shown = await PortalSession.ParseAsync(response);
        Assert.Contains("too weak", shown.QuerySelector("#Input_NewPassword-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("password-rules", shown.QuerySelector("#Input_NewPassword")!.GetAttribute("aria-describedby"), StringComparison.Ordinal);
        var length = shown.QuerySelector("#password-rules li[data-rule='lengthAtLeast']")!;
        Assert.Contains("rule-unmet", length.ClassName, StringComparison.Ordinal);
        Assert.Contains("at least 8 characters", length.TextContent, StringComparison.Ordinal);
        Assert.Contains("rule-met", shown.QuerySelector("#password-rules li[data-rule='lowerCase']")!.ClassName, StringComparison.Ordinal);
        AssertPasswordFieldsEmpty(shown);
        Assert.DoesNotContain("short", shown.QuerySelector("#Input_NewPassword")!.OuterHtml, StringComparison.Ordinal);
        Assert.True(await TenantCredentials.AcceptsAsync(NewBrowser(), Alice, AlicePassword));
    }

    [Fact]
    public async Task Reused_password_is_refused_with_a_readable_reason()
    {
        await SignInAsync(Alice, AlicePassword);
        var changed = await PostAsync(ChangePath, await GetPageAsync(PagePath), Passwords(NewPassword, NewPassword));
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);

        var response = await PostAsync(ChangePath, await GetPageAsync(PagePath), Passwords(NewPassword, NewPassword));

        var shown = await PortalSession.ParseAsync(response);
        Assert.Contains("used this password recently", shown.QuerySelector("#Input_NewPassword-error")!.TextContent, StringComparison.Ordinal);
        Assert.Single(await OutboxAsync(Alice));
    }

    [Fact]
    public async Task Google_only_user_sees_why_there_is_no_password_and_posts_are_refused()
    {
        const string carol = "carol@gmail.example";
        await TenantCredentials.SignInWithGoogleAsync(Client, carol);

        var page = await GetPageAsync(PagePath);
        var explanation = page.QuerySelector("#no-password")!.TextContent;
        Assert.Contains("You sign in with Google", explanation, StringComparison.Ordinal);
        Assert.Contains("signinmethods", page.QuerySelector("#no-password a")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("input[type='password']"));

        var change = await PostAsync(ChangePath, page, Passwords(NewPassword, NewPassword));
        Assert.Equal(HttpStatusCode.OK, change.StatusCode);
        Assert.Contains("no password in this portal", (await PortalSession.ParseAsync(change)).QuerySelector(".form-error")!.TextContent, StringComparison.Ordinal);

        var reset = await PostAsync(ResetPath, page, []);
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.Equal(0, TenantRequests.Count("PATCH", "/api/v2/users"));
        Assert.Equal(0, TenantRequests.Count("POST", "/dbconnections/change_password"));
        Assert.Empty(await OutboxAsync(carol));
    }

    private static KeyValuePair<string, string>[] Passwords(string password, string confirmation) =>
        [new("Input.NewPassword", password), new("Input.ConfirmPassword", confirmation)];

    private static void AssertPasswordFieldsEmpty(IHtmlDocument page)
    {
        var fields = page.QuerySelectorAll("input[type='password']");
        Assert.Equal(2, fields.Length);
        Assert.All(fields, f => Assert.Null(f.GetAttribute("value")));
    }
}
