using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.Extensions.DependencyInjection;
using Profiles.Core.Activity;
using Profiles.Core.Persistence;
using Profiles.Web.Tests.Infrastructure;

namespace Profiles.Web.Tests.Email;

/// <summary>The email change journey against the real tenant: a code to the new address, the change only with that code, and
/// every refusal leaving Auth0's user as it was.</summary>
public abstract class EmailChangeTests : TenantPortalTests
{
    private const string NewAddress = "alice.new@example.com";
    private const string CodeKind = "portal:email_change_code";

    [Fact]
    public async Task A_correct_code_changes_the_email_marks_it_verified_and_tells_the_old_address()
    {
        await SignInAsync("alice@example.com", "Alice-demo-2026");
        await RequestChangeAsync(NewAddress);

        var code = await LatestCodeAsync(NewAddress);
        var confirmed = await ConfirmAsync(code);

        Assert.Equal("/security/email", confirmed.Headers.Location!.OriginalString);
        var page = await GetPageAsync("/security/email");
        Assert.Equal(NewAddress, page.QuerySelector("#current-email")!.TextContent.Trim());
        Assert.Contains("was changed", page.QuerySelector("#email-status")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#pending-change"));
        var user = await EmailJourney.ManagementUserAsync(Portal, EmailJourney.AliceId);
        Assert.Equal(NewAddress, user.Email);
        Assert.True(user.EmailVerified);
        var notice = Assert.Single(await OutboxAsync("alice@example.com"), m => m.Kind == "portal:email_changed_notice");
        Assert.Contains("a•••@example.com", notice.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(code, notice.Body, StringComparison.Ordinal);
        Assert.Contains("support", notice.Body, StringComparison.OrdinalIgnoreCase);
        var events = await Portal.Services.GetRequiredService<ISecurityEventLog>().ListRecentAsync(EmailJourney.AliceId, 10, CancellationToken.None);
        Assert.Contains(events, e => e.Action == SecurityActions.EmailChangeRequested && e.Outcome == SecurityOutcomes.Succeeded);
        Assert.Contains(events, e => e.Action == SecurityActions.EmailChanged && e.Outcome == SecurityOutcomes.Succeeded);

        // The code is spent: the confirmation page has nothing left to confirm.
        var again = await Client.GetAsync("/security/email/confirm");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
    }

    [Fact]
    public async Task The_code_email_is_written_in_the_users_stored_language()
    {
        await SignInAsync("frank@example.com", "Frank-demo-2026");
        await RequestChangeAsync("frank.new@example.com");

        var email = Assert.Single(await OutboxAsync("frank.new@example.com"));
        Assert.Equal("Votre code pour confirmer votre nouvelle adresse e-mail", email.Subject);
        Assert.Contains("Votre code : " + EmailJourney.CodeFrom(email), email.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused_and_sends_nothing()
    {
        await SignInAsync("alice@example.com", "Alice-demo-2026");
        await GetPageAsync("/security/email");

        var response = await PortalSession.PostFormAsync(Client, "/security/email", [new("Input.NewEmail", NewAddress)]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await OutboxAsync(NewAddress));
        Assert.Equal(HttpStatusCode.Redirect, (await Client.GetAsync("/security/email/confirm")).StatusCode);
    }

    [Fact]
    public async Task An_invalid_or_unchanged_address_is_refused_next_to_the_field()
    {
        await SignInAsync("alice@example.com", "Alice-demo-2026");

        foreach (var (address, expected) in new[] { ("not-an-address", "valid email address"), ("Alice@Example.com", "already your email address") })
        {
            var page = await GetPageAsync("/security/email");
            var response = await PostAsync("/security/email", page, [new("Input.NewEmail", address)]);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var answer = await PortalSession.ParseAsync(response);
            Assert.Contains(expected, answer.QuerySelector("#Input_NewEmail-error")!.TextContent, StringComparison.Ordinal);
            Assert.Equal("true", answer.QuerySelector("#Input_NewEmail")!.GetAttribute("aria-invalid"));
        }

        Assert.DoesNotContain(TenantRequests.All, r => r.Method == "PATCH");
    }

    [Fact]
    public async Task A_wrong_code_is_counted_and_changes_nothing()
    {
        await SignInAsync("alice@example.com", "Alice-demo-2026");
        await RequestChangeAsync(NewAddress);
        var code = await LatestCodeAsync(NewAddress);

        var response = await ConfirmAsync(WrongCode(code));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalSession.ParseAsync(response);
        Assert.Contains("not right", page.QuerySelector("#Input_Code-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("4 attempts left", page.QuerySelector("#Input_Code-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("alice@example.com", (await EmailJourney.ManagementUserAsync(Portal, EmailJourney.AliceId)).Email);

        // The right code still works afterwards.
        Assert.Equal("/security/email", (await ConfirmAsync(code)).Headers.Location!.OriginalString);
        Assert.Equal(NewAddress, (await EmailJourney.ManagementUserAsync(Portal, EmailJourney.AliceId)).Email);
    }

    [Fact]
    public async Task Too_many_wrong_codes_discard_the_change()
    {
        await SignInAsync("alice@example.com", "Alice-demo-2026");
        await RequestChangeAsync(NewAddress);
        var code = await LatestCodeAsync(NewAddress);

        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await ConfirmAsync(WrongCode(code))).StatusCode);
        }

        var last = await ConfirmAsync(WrongCode(code));
        Assert.Equal("/security/email", last.Headers.Location!.OriginalString);
        var page = await GetPageAsync("/security/email");
        Assert.Contains("Too many wrong codes", page.QuerySelector(".form-error")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#pending-change"));

        // Even the right code is useless now.
        await ConfirmWithoutPageAsync(code);
        Assert.Equal("alice@example.com", (await EmailJourney.ManagementUserAsync(Portal, EmailJourney.AliceId)).Email);
        Assert.DoesNotContain(TenantRequests.All, r => r.Method == "PATCH");
    }

    [Fact]
    public async Task An_expired_code_discards_the_change()
    {
        await SignInAsync("alice@example.com", "Alice-demo-2026");
        await RequestChangeAsync(NewAddress);
        var code = await LatestCodeAsync(NewAddress);
        var confirmPage = await GetPageAsync("/security/email/confirm");

        Clock.Advance(TimeSpan.FromMinutes(31));
        var response = await PostAsync("/security/email/confirm", confirmPage, [new("Input.Code", code)]);

        Assert.Equal("/security/email", response.Headers.Location!.OriginalString);
        var page = await GetPageAsync("/security/email");
        Assert.Contains("expired", page.QuerySelector(".form-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("alice@example.com", (await EmailJourney.ManagementUserAsync(Portal, EmailJourney.AliceId)).Email);
        Assert.DoesNotContain(TenantRequests.All, r => r.Method == "PATCH");
    }

    [Fact]
    public async Task An_address_of_another_account_is_refused_without_saying_whose()
    {
        await SignInAsync("alice@example.com", "Alice-demo-2026");
        await RequestChangeAsync("bob@example.com");
        var code = await LatestCodeAsync("bob@example.com");

        var response = await ConfirmAsync(code);

        Assert.Equal("/security/email", response.Headers.Location!.OriginalString);
        var page = await GetPageAsync("/security/email");
        var message = page.QuerySelector(".form-error")!.TextContent;
        Assert.Contains("cannot be used", message, StringComparison.Ordinal);
        Assert.DoesNotContain("Bob", message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("alice@example.com", (await EmailJourney.ManagementUserAsync(Portal, EmailJourney.AliceId)).Email);
        Assert.Equal("bob@example.com", (await EmailJourney.ManagementUserAsync(Portal, EmailJourney.BobId)).Email);
        Assert.Empty(await OutboxAsync("alice@example.com"));
    }

    [Fact]
    public async Task A_social_only_user_is_told_the_provider_owns_the_email_and_cannot_change_it()
    {
        await EmailJourney.SignInWithGoogleAsync(Client, "carol@gmail.example");
        var page = await GetPageAsync("/security/email");

        Assert.Contains("Google", page.QuerySelector("#provider-email-notice")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#email-change-form"));
        Assert.Null(page.QuerySelector("#banner-unverified-email"));

        // Posting the form anyway (say, from an old tab) is refused on the server.
        var response = await PostAsync("/security/email", page, [new("Input.NewEmail", "carol.new@example.com")]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await PortalSession.ParseAsync(response);
        Assert.Contains("provider", answer.QuerySelector(".form-error")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(await OutboxAsync("carol.new@example.com"));
        Assert.Equal("carol@gmail.example", (await EmailJourney.ManagementUserAsync(Portal, EmailJourney.CarolId)).Email);
    }

    [Fact]
    public async Task A_pending_change_can_be_cancelled_and_a_new_request_replaces_the_old_one()
    {
        await SignInAsync("alice@example.com", "Alice-demo-2026");
        await RequestChangeAsync(NewAddress);
        var firstCode = await LatestCodeAsync(NewAddress);

        // A second request within the cooldown is refused, so an inbox cannot be flooded.
        var page = await GetPageAsync("/security/email");
        Assert.NotNull(page.QuerySelector("#pending-change"));
        var throttled = await PostAsync("/security/email", page, [new("Input.NewEmail", "alice.other@example.com")]);
        Assert.Contains("moments ago", (await PortalSession.ParseAsync(throttled)).QuerySelector(".form-error")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(await OutboxAsync("alice.other@example.com"));

        // Past the one-minute cooldown (and still within the recent sign-in window).
        Clock.Advance(TimeSpan.FromMinutes(2));
        await RequestChangeAsync("alice.other@example.com");
        var stale = await ConfirmAsync(firstCode);
        Assert.Contains("not right", (await PortalSession.ParseAsync(stale)).QuerySelector("#Input_Code-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("alice@example.com", (await EmailJourney.ManagementUserAsync(Portal, EmailJourney.AliceId)).Email);

        var confirmPage = await GetPageAsync("/security/email/confirm");
        Assert.Contains("alice.other@example.com", confirmPage.QuerySelector("#confirm-explanation")!.TextContent, StringComparison.Ordinal);
        var cancelled = await PostAsync("/security/email/confirm?handler=Cancel", confirmPage, []);
        Assert.Equal("/security/email", cancelled.Headers.Location!.OriginalString);
        var after = await GetPageAsync("/security/email");
        Assert.Contains("cancelled", after.QuerySelector("#email-status")!.TextContent, StringComparison.Ordinal);
        Assert.Null(after.QuerySelector("#pending-change"));
        await ConfirmWithoutPageAsync(await LatestCodeAsync("alice.other@example.com"));
        Assert.Equal("alice@example.com", (await EmailJourney.ManagementUserAsync(Portal, EmailJourney.AliceId)).Email);
    }

    private async Task RequestChangeAsync(string address)
    {
        var page = await GetPageAsync("/security/email");
        var response = await PostAsync("/security/email", page, [new("Input.NewEmail", address)]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/security/email/confirm", response.Headers.Location!.OriginalString);
    }

    private async Task<string> LatestCodeAsync(string address)
    {
        var email = (await OutboxAsync(address)).Last(m => m.Kind == CodeKind);
        var code = EmailJourney.CodeFrom(email);
        Assert.Equal(6, code.Length);
        return code;
    }

    private async Task<HttpResponseMessage> ConfirmAsync(string code)
    {
        IHtmlDocument page = await GetPageAsync("/security/email/confirm");
        return await PostAsync("/security/email/confirm", page, [new("Input.Code", code)]);
    }

    /// <summary>Posts a code when the confirmation page itself is no longer shown (nothing pending): the antiforgery token comes
    /// from the email page.</summary>
    private async Task<HttpResponseMessage> ConfirmWithoutPageAsync(string code)
    {
        var page = await GetPageAsync("/security/email");
        var response = await PostAsync("/security/email/confirm", page, [new("Input.Code", code)]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response;
    }

    private static string WrongCode(string code) => code == "123456" ? "654321" : "123456";

    public sealed class OnSqlite : EmailChangeTests;

    public sealed class OnPostgres : EmailChangeTests
    {
        protected override PortalDatabaseProvider DatabaseProvider => PortalDatabaseProvider.Postgres;
    }
}
