using System.Net;
using Profiles.LocalTenant.Tests.Infrastructure;

namespace Profiles.LocalTenant.Tests.Authentication;

/// <summary>NUL and other control characters in any field of the login, sign-up and forgotten-password forms get the
/// tenant's error page (400), never a 500, and nothing is stored.</summary>
public sealed class FormControlCharacterTests(TenantFixture fixture) : IClassFixture<TenantFixture>
{
    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var bad in new[] { "\0", "\u0001", "\u001b", "\u007f", "\u0085", "\n" })
        {
            data.Add("/login/password", "email", "alice" + bad + "@example.com");
            data.Add("/login/password", "password", "Alice-demo-2026" + bad);
            data.Add("/login/signup", "email", "new" + bad + "@example.com");
            data.Add("/login/signup", "password", "Strong-Pass-2026" + bad);
            data.Add("/login/forgot", "email", "bob@example.com" + bad);
            data.Add("/login/password", "state", "x" + bad);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Control_characters_get_the_error_page(string action, string field, string value)
    {
        using var browser = new TenantBrowser(fixture);
        var login = await browser.OpenLoginAsync(TenantBrowser.AuthorizeUrl());
        var html = action switch
        {
            "/login/signup" => await browser.GetHtmlAsync("/login/signup?state=" + HtmlForm.Single(login, "/login/password").Hidden["state"]),
            "/login/forgot" => await browser.GetHtmlAsync("/login/forgot?state=" + HtmlForm.Single(login, "/login/password").Hidden["state"]),
            _ => login,
        };
        var fields = new Dictionary<string, string> { ["email"] = "someone@example.com", ["password"] = "Strong-Pass-2026" };
        fields[field] = value;

        using var response = await browser.SubmitAsync(html, action, fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("Invalid characters", page, StringComparison.Ordinal);
        Assert.Null(fixture.Store.Read(d => d.FindByConnectionEmail(TenantFixture.DatabaseConnection, "new@example.com")));
    }

    [Fact]
    public async Task Ordinary_text_still_goes_through()
    {
        using var browser = new TenantBrowser(fixture);
        var callback = await browser.LoginAsync(TenantBrowser.AuthorizeUrl(), "alice@example.com", "Alice-demo-2026");
        Assert.True(callback.ContainsKey("code"));
    }
}
