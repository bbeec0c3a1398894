using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Profiles.LocalTenant.Data;
using Profiles.LocalTenant.Outbox;
using Profiles.LocalTenant.Tests.Infrastructure;

namespace Profiles.LocalTenant.Tests.Authentication;

/// <summary>The demo account with a second factor (Grace): the default seed enrols an email factor for her, the demo panel says so
/// and where its codes arrive, and her sign-in asks for the code from the outbox.</summary>
public sealed partial class DemoSecondFactorTests : IAsyncLifetime
{
    private const string Email = "grace@example.com";
    private const string Password = "Grace-demo-2026";
    private TenantFixture _tenant = null!;

    public async Task InitializeAsync() => _tenant = await TenantFixture.StartAsync();

    public async Task DisposeAsync() => await _tenant.DisposeAsync();

    [Fact]
    public void The_seed_gives_grace_a_confirmed_email_factor_and_no_other_demo_user_a_second_factor()
    {
        var methods = _tenant.Store.Read(d => d.All<TenantAuthenticationMethod>().ToList());

        var method = Assert.Single(methods);
        Assert.Equal((TenantFixture.GraceId, AuthenticationMethodTypes.Email, Email, true), (method.UserId, method.Type, method.Email, method.IsSecondFactor));
        Assert.StartsWith("email|dev_", method.Id, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_demo_panel_says_grace_is_asked_for_a_code_from_the_outbox()
    {
        using var browser = new TenantBrowser(_tenant);
        var login = await browser.OpenLoginAsync(TenantBrowser.AuthorizeUrl());

        var grace = Regex.Match(login, "<li><dl><dt>Email</dt><dd>grace@example.com</dd>.*?</li>", RegexOptions.Singleline).Value;
        Assert.Contains("<dt>Second factor</dt><dd>After the password, a code emailed to grace@example.com: read it in the <a href=\"/outbox\">outbox</a>.</dd>",
            grace, StringComparison.Ordinal);
        Assert.Equal(1, Regex.Count(login, "<dt>Second factor</dt>"));
    }

    [Fact]
    public async Task Grace_signs_in_with_her_password_and_the_emailed_code_and_gets_amr_mfa()
    {
        using var browser = new TenantBrowser(_tenant);
        var login = await browser.OpenLoginAsync(TenantBrowser.AuthorizeUrl());
        using var password = await browser.SubmitPasswordAsync(login, Email, Password);
        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
        var location = password.Headers.Location!.OriginalString;
        Assert.StartsWith("/login/mfa?state=", location, StringComparison.Ordinal);
        var challenge = await browser.GetHtmlAsync(location);
        var mail = Assert.Single(_tenant.Tenant.Services.GetRequiredService<OutboxService>().List(Email));
        Assert.Equal("mfa-email", mail.Kind);

        using var right = await browser.SubmitAsync(challenge, "/login/mfa", new Dictionary<string, string> { ["code"] = Regex.Match(mail.Body, "[0-9]{6}").Value });

        var (_, tokens) = await browser.ExchangeAsync(TenantBrowser.CallbackParameters(right, TenantFixture.PortalCallback)["code"]);
        var idToken = new JsonWebToken(tokens.GetProperty("id_token").GetString()!);
        Assert.Equal(TenantFixture.GraceId, idToken.Subject);
        Assert.Equal(["mfa"], idToken.GetPayloadValue<string[]>("amr"));
    }
}
