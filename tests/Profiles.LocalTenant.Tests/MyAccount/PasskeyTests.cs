using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.IdentityModel.JsonWebTokens;
using Profiles.LocalTenant.Data;
using Profiles.LocalTenant.Tests.Authentication;
using Profiles.LocalTenant.Tests.Contract;
using Profiles.LocalTenant.Tests.Infrastructure;

namespace Profiles.LocalTenant.Tests.MyAccount;

/// <summary>Passkeys: registered through the My Account API with a verified attestation (Fido2), then used at sign-in as the
/// second step, with the assertion verified and the signature counter advanced.</summary>
public sealed partial class PasskeyTests : IAsyncLifetime
{
    private TenantFixture _tenant = null!;
    private HttpClient _api = null!;

    public async Task InitializeAsync()
    {
        _tenant = await TenantFixture.StartAsync();
        _api = _tenant.CreateMyAccountClient(TenantFixture.FrankId, "read:me:authentication_methods", "create:me:authentication_methods");
    }

    public async Task DisposeAsync()
    {
        _api.Dispose();
        await _tenant.DisposeAsync();
    }

    [Theory]
    [InlineData("none")]
    [InlineData("packed")]
    public async Task A_passkey_registers_with_a_verified_attestation(string format)
    {
        using var authenticator = new SoftwareAuthenticator();
        var method = await RegisterAsync(authenticator, format);
        Assert.Equal("passkey", method["type"]!.GetValue<string>());
        Assert.Equal(authenticator.Id, method["key_id"]!.GetValue<string>());
        Assert.Equal("auth0|64b97a87b6c808c6f9cc0006", method["identity_user_id"]!.GetValue<string>());
        Assert.Equal("primary", method["usage"]![0]!.GetValue<string>());
        Assert.Equal("127.0.0.1", method["relying_party_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_attestation_for_another_challenge_is_refused()
    {
        using var authenticator = new SoftwareAuthenticator();
        using var start = await _api.PostAsync(MyAccountHttp.MethodsPath, MyAccountHttp.Json("""{"type":"passkey","connection":"Username-Password-Authentication"}"""));
        var started = (await ContractAssert.MatchesAsync(OpenApiDocument.MyAccount, start, "/authentication-methods", HttpStatusCode.Accepted))!;
        Assert.Equal($"{_tenant.BaseUrl}/me/v1/authentication-methods/passkey%7Cnew", start.Headers.Location!.OriginalString);
        var answer = authenticator.Register(started["authn_params_public_key"]!, _tenant.BaseUrl, challengeOverride: "AAAAAAAAAAAAAAAAAAAAAA");
        using var verify = await _api.PostAsync(MyAccountHttp.MethodPath("passkey|new") + "/verify",
            MyAccountHttp.Json(new JsonObject { ["auth_session"] = started["auth_session"]!.GetValue<string>(), ["authn_response"] = answer }.ToJsonString()));
        await MyAccountHttp.ExpectErrorAsync(verify, HttpStatusCode.BadRequest);
        Assert.Empty(_tenant.Store.Read(d => d.All<TenantAuthenticationMethod>().Where(m => m.UserId == TenantFixture.FrankId).ToList()));
    }

    [Fact]
    public async Task A_registered_passkey_answers_the_sign_in_challenge_and_a_forged_answer_does_not()
    {
        using var authenticator = new SoftwareAuthenticator();
        var id = (await RegisterAsync(authenticator, "none"))["id"]!.GetValue<string>();

        using var browser = new TenantBrowser(_tenant);
        var page = await ChallengeAsync(browser);
        using var forged = await browser.SubmitAsync(page, "/login/mfa",
            new Dictionary<string, string> { ["credential"] = authenticator.Assert(Options(page), _tenant.BaseUrl, TenantFixture.FrankId, tamper: true) });
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);

        var retry = await forged.Content.ReadAsStringAsync();
        using var signedIn = await browser.SubmitAsync(retry, "/login/mfa",
            new Dictionary<string, string> { ["credential"] = authenticator.Assert(Options(retry), _tenant.BaseUrl, TenantFixture.FrankId) });
        var callback = TenantBrowser.CallbackParameters(signedIn, TenantFixture.PortalCallback);
        var (_, tokens) = await browser.ExchangeAsync(callback["code"]);
        Assert.Equal(["mfa"], new JsonWebToken(tokens.GetProperty("id_token").GetString()!).GetPayloadValue<string[]>("amr"));
        var stored = _tenant.Store.Read(d => d.Find<TenantAuthenticationMethod>(id)!);
        Assert.True(stored.SignCount >= 2);
        Assert.NotNull(stored.LastAuthAt);
    }

    [Fact]
    public async Task The_passkey_page_loads_its_script_from_a_file()
    {
        using var authenticator = new SoftwareAuthenticator();
        await RegisterAsync(authenticator, "none");
        using var browser = new TenantBrowser(_tenant);
        var page = await ChallengeAsync(browser);
        Assert.Contains("<script src=\"/login/webauthn.js\" defer></script>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", page, StringComparison.Ordinal);
        using var script = await browser.GetAsync("/login/webauthn.js");
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType!.MediaType);
    }

    private async Task<JsonObject> RegisterAsync(SoftwareAuthenticator authenticator, string format)
    {
        using var start = await _api.PostAsync(MyAccountHttp.MethodsPath, MyAccountHttp.Json("""{"type":"passkey","connection":"Username-Password-Authentication"}"""));
        var started = (await ContractAssert.MatchesAsync(OpenApiDocument.MyAccount, start, "/authentication-methods", HttpStatusCode.Accepted))!;
        var answer = authenticator.Register(started["authn_params_public_key"]!, _tenant.BaseUrl, format);
        using var verify = await _api.PostAsync(MyAccountHttp.MethodPath("passkey|new") + "/verify",
            MyAccountHttp.Json(new JsonObject { ["auth_session"] = started["auth_session"]!.GetValue<string>(), ["authn_response"] = answer }.ToJsonString()));
        var method = (await ContractAssert.MatchesAsync(OpenApiDocument.MyAccount, verify, "/authentication-methods/{authentication_method_id}/verify",
            HttpStatusCode.Created))!.AsObject();
        Assert.EndsWith(Uri.EscapeDataString(method["id"]!.GetValue<string>()), verify.Headers.Location!.OriginalString, StringComparison.Ordinal);
        return method;
    }

    private static async Task<string> ChallengeAsync(TenantBrowser browser)
    {
        var login = await browser.OpenLoginAsync(TenantBrowser.AuthorizeUrl());
        using var password = await browser.SubmitPasswordAsync(login, "frank@example.com", "Frank-demo-2026");
        return await browser.GetHtmlAsync(password.Headers.Location!.OriginalString);
    }

    private static JsonNode Options(string page)
        => JsonNode.Parse(System.Net.WebUtility.HtmlDecode(OptionsPattern().Match(page).Groups[1].Value))!;

    [GeneratedRegex("data-passkey-options=\"([^\"]*)\"")]
    private static partial Regex OptionsPattern();
}
