using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Profiles.LocalTenant.Localization;
using Profiles.LocalTenant.Outbox;
using Profiles.LocalTenant.Tests.Authentication;
using Profiles.LocalTenant.Tests.Infrastructure;

namespace Profiles.LocalTenant.Tests.Localization;

/// <summary>The login pages pick their language as Universal Login does: <c>ui_locales</c>, then <c>Accept-Language</c>, then
/// English; the choice stays with the login transaction through its forms, and the emails it causes are in it too.</summary>
public sealed class LoginLanguageTests(TenantFixture fixture) : IClassFixture<TenantFixture>
{
    [Fact]
    public async Task Ui_locales_ar_renders_the_login_page_right_to_left_in_Arabic()
    {
        using var browser = new TenantBrowser(fixture);

        var html = await browser.OpenLoginAsync(TenantBrowser.AuthorizeUrl("ui_locales=ar"));

        Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", html, StringComparison.Ordinal);
        Assert.Contains(Text("ar", "SignIn.Title"), Decoded(html), StringComparison.Ordinal);
        Assert.DoesNotContain(">Sign in<", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Accept_Language_de_gives_German()
    {
        using var browser = new TenantBrowser(fixture);
        browser.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("de-DE,de;q=0.9,en;q=0.5");

        var html = await browser.OpenLoginAsync(TenantBrowser.AuthorizeUrl());

        Assert.Contains("<html lang=\"de\">", html, StringComparison.Ordinal);
        Assert.Contains("<h1 id=\"signin-heading\">Anmelden</h1>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("dir=\"rtl\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ui_locales=tlh", "tlh")]
    [InlineData(null, "xx-YY")]
    [InlineData(null, null)]
    public async Task An_unknown_language_falls_back_to_English(string? extra, string? acceptLanguage)
    {
        using var browser = new TenantBrowser(fixture);
        if (acceptLanguage is not null)
        {
            browser.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd(acceptLanguage);
        }

        var html = await browser.OpenLoginAsync(TenantBrowser.AuthorizeUrl(extra));

        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("<h1 id=\"signin-heading\">Sign in</h1>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ui_locales=es", "es")]
    [InlineData("ui_locales=" + "xx%20fr-CA%20de", "fr")]
    public async Task Ui_locales_comes_before_Accept_Language_and_skips_unknown_languages(string extra, string expected)
    {
        using var browser = new TenantBrowser(fixture);
        browser.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("de");

        var html = await browser.OpenLoginAsync(TenantBrowser.AuthorizeUrl(extra));

        Assert.Contains($"<html lang=\"{expected}\"", html, StringComparison.Ordinal);
        Assert.Contains(Text(expected, "SignIn.Title"), Decoded(html), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_language_stays_through_the_login_form_round_trip()
    {
        using var browser = new TenantBrowser(fixture);
        var html = await browser.OpenLoginAsync(TenantBrowser.AuthorizeUrl("ui_locales=ar"));

        using var refused = await browser.SubmitPasswordAsync(html, "alice@example.com", "not-her-password");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var again = await refused.Content.ReadAsStringAsync();
        Assert.Contains("dir=\"rtl\"", again, StringComparison.Ordinal);
        Assert.Contains(Text("ar", "SignIn.WrongCredentials"), Decoded(again), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_forgotten_password_page_and_its_email_are_in_the_chosen_language()
    {
        using var browser = new TenantBrowser(fixture);
        var login = await browser.OpenLoginAsync(TenantBrowser.AuthorizeUrl("ui_locales=es"));
        var state = HtmlForm.Single(login, "/login/password").Hidden["state"];
        var forgot = await browser.GetHtmlAsync("/login/forgot?state=" + Uri.EscapeDataString(state));
        Assert.Contains(Text("es", "Forgot.Title"), Decoded(forgot), StringComparison.Ordinal);

        using var sent = await browser.SubmitAsync(forgot, "/login/forgot", new Dictionary<string, string> { ["email"] = "bob@example.com" });

        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Contains(Text("es", "ResetSent.Title"), Decoded(await sent.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var email = fixture.Tenant.Services.GetRequiredService<OutboxService>().List("bob@example.com").First(e => e.Kind == "password-reset");
        Assert.Equal(Text("es", "Email.Reset.Subject"), email.Subject);
        Assert.StartsWith(Text("es", "Email.Reset.Body").Split('{')[0], email.Body, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TenantResourceCompletenessTests.OtherLanguages), MemberType = typeof(TenantResourceCompletenessTests))]
    public async Task Every_login_page_renders_in_the_language(string language)
    {
        using var browser = new TenantBrowser(fixture);
        var login = await browser.OpenLoginAsync(TenantBrowser.AuthorizeUrl("ui_locales=" + language));
        var state = Uri.EscapeDataString(HtmlForm.Single(login, "/login/password").Hidden["state"]);
        var pages = new[]
        {
            login,
            await browser.GetHtmlAsync("/login/signup?state=" + state),
            await browser.GetHtmlAsync("/login/forgot?state=" + state),
            await browser.GetHtmlAsync("/login/social/google-oauth2?state=" + state),
        };

        var english = new CultureInfo(TenantCultures.Default);
        Assert.All(pages, page =>
        {
            Assert.Contains($"<html lang=\"{language}\"", page, StringComparison.Ordinal);
            Assert.Contains(Text(language, "Layout.Footnote"), Decoded(page), StringComparison.Ordinal);
            Assert.DoesNotContain(TenantText.Resources.GetString("Layout.Footnote", english)!, Decoded(page), StringComparison.Ordinal);
        });
    }

    private static string Text(string language, string key) => TenantText.Resources.GetString(key, new CultureInfo(language))!;

    private static string Decoded(string html) => WebUtility.HtmlDecode(html);
}
