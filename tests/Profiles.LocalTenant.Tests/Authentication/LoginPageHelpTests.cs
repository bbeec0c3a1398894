using System.Text.RegularExpressions;
using Profiles.LocalTenant.Tests.Infrastructure;

namespace Profiles.LocalTenant.Tests.Authentication;

/// <summary>What the login page does for the person in front of it: says why the application asks (<c>ext-reason</c>, as Auth0
/// hands <c>ext-</c> parameters to custom login templates) and fills the form from a demo account.</summary>
public sealed partial class LoginPageHelpTests(TenantFixture fixture) : IClassFixture<TenantFixture>
{
    [Fact]
    public async Task The_reason_is_shown_encoded_and_cut_to_one_sentence()
    {
        using var browser = new TenantBrowser(fixture);
        var html = await browser.OpenLoginAsync(TenantBrowser.AuthorizeUrl(
            "login_hint=alice%40example.com&ext-reason=" + Uri.EscapeDataString("Confirm it's you to <b>change</b> your password")));
        Assert.Contains("Confirm it&#39;s you to &lt;b&gt;change&lt;/b&gt; your password", html, StringComparison.Ordinal);
        Assert.Contains("id=\"login-reason\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"alice@example.com\"", html, StringComparison.Ordinal);

        var longReason = await browser.OpenLoginAsync(TenantBrowser.AuthorizeUrl("ext-reason=" + new string('x', 500)));
        Assert.Contains(new string('x', 200) + "</p>", longReason, StringComparison.Ordinal);

        var none = await browser.OpenLoginAsync(TenantBrowser.AuthorizeUrl());
        Assert.DoesNotContain("login-reason", none, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_demo_account_link_fills_the_email_and_password()
    {
        using var browser = new TenantBrowser(fixture);
        var html = await browser.OpenLoginAsync(TenantBrowser.AuthorizeUrl());
        var link = System.Net.WebUtility.HtmlDecode(FillLink().Match(html).Groups["href"].Value);
        Assert.Contains("demo=alice%40example.com", link, StringComparison.Ordinal);

        var filled = await browser.GetHtmlAsync(link);
        Assert.Contains("value=\"alice@example.com\"", filled, StringComparison.Ordinal);
        Assert.Contains("value=\"Alice-demo-2026\"", filled, StringComparison.Ordinal);

        var unknown = await browser.GetHtmlAsync(link.Replace("alice%40example.com", "nobody%40example.com", StringComparison.Ordinal));
        Assert.DoesNotContain("value=\"Alice-demo-2026\"", unknown, StringComparison.Ordinal);
    }

    [GeneratedRegex("""<a class="button secondary" href="(?<href>/login\?state=[^"]+demo=alice%40example\.com)">""")]
    private static partial Regex FillLink();
}
