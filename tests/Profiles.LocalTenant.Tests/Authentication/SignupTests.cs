using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Profiles.LocalTenant.Outbox;
using Profiles.LocalTenant.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Profiles.LocalTenant.Tests.Authentication;

public sealed class SignupTests(TenantFixture fixture) : IClassFixture<TenantFixture>
{
    private async Task<(HttpStatusCode Status, JsonElement Body)> SignupAsync(object body)
    {
        using var http = fixture.CreateClient();
        using var response = await http.PostAsJsonAsync("dbconnections/signup", body);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    [Fact]
    public async Task Signup_creates_a_database_user_with_auth0_defaults_and_sends_a_verification_email()
    {
        var (status, body) = await SignupAsync(new
        {
            client_id = TenantFixture.PortalClientId,
            email = "Ivy@Example.com",
            password = "Spring-signup-2026!",
            connection = TenantFixture.DatabaseConnection,
            given_name = "Ivy",
            user_metadata = new { preferred_language = "de" },
        });
        Assert.Equal(HttpStatusCode.OK, status);
        var id = body.GetProperty("_id").GetString()!;
        Assert.Matches("^[0-9a-f]{24}$", id);
        Assert.Equal("ivy@example.com", body.GetProperty("email").GetString());
        Assert.False(body.GetProperty("email_verified").GetBoolean());
        Assert.Equal("Ivy", body.GetProperty("given_name").GetString());

        var user = fixture.Store.Read(d => d.FindUser("auth0|" + id)!.Clone());
        Assert.Equal("ivy@example.com", user.Name);
        Assert.Equal("ivy", user.Nickname);
        Assert.StartsWith("https://s.gravatar.com/avatar/", user.Picture, StringComparison.Ordinal);
        Assert.Equal("de", user.UserMetadata!["preferred_language"]!.GetValue<string>());

        var email = fixture.Tenant.Services.GetRequiredService<OutboxService>().List("ivy@example.com").Single(e => e.Kind == "verification");
        Assert.Contains(email.Links, l => l.StartsWith(fixture.BaseUrl + "/u/email-verification?ticket=", StringComparison.Ordinal));

        using var browser = new TenantBrowser(fixture);
        var callback = await browser.LoginAsync(TenantBrowser.AuthorizeUrl(), "ivy@example.com", "Spring-signup-2026!");
        Assert.True(callback.ContainsKey("code"));
    }

    [Fact]
    public async Task A_duplicate_signup_is_invalid_signup()
    {
        var (status, body) = await SignupAsync(new
        {
            client_id = TenantFixture.PortalClientId,
            email = "alice@example.com",
            password = "Another-pass-2026!",
            connection = TenantFixture.DatabaseConnection,
        });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("""{"name":"BadRequestError","code":"invalid_signup","description":"Invalid sign up","statusCode":400}""", body.GetRawText());
    }

    [Fact]
    public async Task A_weak_password_lists_the_rules()
    {
        var (status, body) = await SignupAsync(new
        {
            client_id = TenantFixture.PortalClientId,
            email = "weak@example.com",
            password = "short",
            connection = TenantFixture.DatabaseConnection,
        });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("PasswordStrengthError", body.GetProperty("name").GetString());
        Assert.Equal("invalid_password", body.GetProperty("code").GetString());
        Assert.Equal("Password is too weak", body.GetProperty("message").GetString());
        Assert.Equal(400, body.GetProperty("statusCode").GetInt32());
        var rules = body.GetProperty("description").GetProperty("rules");
        Assert.Equal("lengthAtLeast", rules[0].GetProperty("code").GetString());
        Assert.False(rules[0].GetProperty("verified").GetBoolean());
        Assert.Equal(8, rules[0].GetProperty("format")[0].GetInt32());
        Assert.Equal(4, rules[1].GetProperty("items").GetArrayLength());
        Assert.False(body.GetProperty("description").GetProperty("verified").GetBoolean());
        Assert.Contains("At least 8 characters in length", body.GetProperty("policy").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signup_refuses_social_connections()
    {
        var (status, body) = await SignupAsync(new
        {
            client_id = TenantFixture.PortalClientId,
            email = "social@example.com",
            password = "Social-pass-2026!",
            connection = "google-oauth2",
        });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("BadRequestError", body.GetProperty("name").GetString());
    }

    [Fact]
    public async Task The_signup_page_shows_unmet_rules_then_signs_the_new_user_in()
    {
        using var browser = new TenantBrowser(fixture);
        var html = await browser.OpenLoginAsync(TenantBrowser.AuthorizeUrl("screen_hint=signup"));
        using var weak = await browser.SubmitAsync(html, "/login/signup", new Dictionary<string, string> { ["email"] = "jo@example.com", ["password"] = "jjjjjjjj" });
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        var weakHtml = await weak.Content.ReadAsStringAsync();
        Assert.Contains("<li class=\"unmet\"><span class=\"visually-hidden\">Not met: </span>upper case letters (A-Z)", weakHtml, StringComparison.Ordinal);
        Assert.Contains("<li class=\"met\"><span class=\"visually-hidden\">Met: </span>At least 8 characters in length", weakHtml, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"signup-error password-rules\"", weakHtml, StringComparison.Ordinal);

        using var ok = await browser.SubmitAsync(weakHtml, "/login/signup", new Dictionary<string, string> { ["email"] = "jo@example.com", ["password"] = "Jo-signup-2026!" });
        var callback = TenantBrowser.CallbackParameters(ok, TenantFixture.PortalCallback);
        var (_, tokens) = await browser.ExchangeAsync(callback["code"]);
        var idToken = await TokenValidation.ValidateIdTokenAsync(fixture, tokens.GetProperty("id_token").GetString()!);
        Assert.Equal("jo@example.com", idToken.GetClaim("email").Value);
        Assert.False(idToken.GetPayloadValue<bool>("email_verified"));
    }

    [Fact]
    public async Task Disabled_signup_is_refused_and_the_login_page_hides_the_link()
    {
        void SetDisabled(bool disabled) => fixture.Store.Write(w =>
        {
            var connection = w.FindConnection(TenantFixture.DatabaseConnection)!;
            connection.DisableSignup = disabled;
            w.Save(connection);
        });

        SetDisabled(true);
        try
        {
            var (status, body) = await SignupAsync(new
            {
                client_id = TenantFixture.PortalClientId,
                email = "closed@example.com",
                password = "Closed-door-2026!",
                connection = TenantFixture.DatabaseConnection,
            });
            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.Equal("public signup is disabled", body.GetProperty("description").GetString());

            using var browser = new TenantBrowser(fixture);
            var html = await browser.OpenLoginAsync(TenantBrowser.AuthorizeUrl());
            Assert.DoesNotContain("/login/signup", html, StringComparison.Ordinal);
        }
        finally
        {
            SetDisabled(false);
        }
    }
}
