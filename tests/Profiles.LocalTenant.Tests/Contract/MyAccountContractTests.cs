using System.Net;
using Profiles.LocalTenant.Mfa;
using Profiles.LocalTenant.Tests.Infrastructure;
using Profiles.LocalTenant.Tests.MyAccount;

namespace Profiles.LocalTenant.Tests.Contract;

/// <summary>The My Account API's answers against Auth0's My Account OpenAPI document (<c>Contract/OpenApi/auth0-myaccount-api.openapi.json</c>).</summary>
public sealed class MyAccountContractTests : IAsyncLifetime
{
    private static readonly OpenApiDocument Doc = OpenApiDocument.MyAccount;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 2, 10, 0, 0, TimeSpan.Zero));
    private TenantFixture _tenant = null!;
    private HttpClient _api = null!;

    public async Task InitializeAsync()
    {
        _tenant = await TenantFixture.StartAsync(clock: _clock);
        _api = _tenant.CreateMyAccountClient(TenantFixture.DaveId, "read:me:authentication_methods", "create:me:authentication_methods",
            "update:me:authentication_methods", "delete:me:authentication_methods", "read:me:factors");
    }

    public async Task DisposeAsync()
    {
        _api.Dispose();
        await _tenant.DisposeAsync();
    }

    [Fact]
    public async Task Start_verify_get_patch_list_and_delete_match_the_document()
    {
        using var start = await _api.PostAsync(MyAccountHttp.MethodsPath, MyAccountHttp.Json("""{"type":"totp"}"""));
        var started = await ContractAssert.MatchesAsync(Doc, start, "/authentication-methods", HttpStatusCode.Accepted);
        var id = started!["id"]!.GetValue<string>();
        var code = new TotpCodes(_clock).Now(started["manual_input_code"]!.GetValue<string>());

        using var verify = await _api.PostAsync(MyAccountHttp.MethodPath(id) + "/verify",
            MyAccountHttp.Json($$"""{"auth_session":"{{started["auth_session"]}}","otp_code":"{{code}}"}"""));
        await ContractAssert.MatchesAsync(Doc, verify, "/authentication-methods/{authentication_method_id}/verify", HttpStatusCode.Created);

        using var get = await _api.GetAsync(MyAccountHttp.MethodPath(id));
        await ContractAssert.MatchesAsync(Doc, get, "/authentication-methods/{authentication_method_id}", HttpStatusCode.OK);

        using var patch = await _api.PatchAsync(MyAccountHttp.MethodPath(id), MyAccountHttp.Json("""{"name":"Phone app"}"""));
        await ContractAssert.MatchesAsync(Doc, patch, "/authentication-methods/{authentication_method_id}", HttpStatusCode.OK);

        using var recovery = await _api.PostAsync(MyAccountHttp.MethodsPath, MyAccountHttp.Json("""{"type":"recovery-code"}"""));
        await ContractAssert.MatchesAsync(Doc, recovery, "/authentication-methods", HttpStatusCode.Accepted);
        using var email = await _api.PostAsync(MyAccountHttp.MethodsPath, MyAccountHttp.Json("""{"type":"email","email":"dave.codes@example.com"}"""));
        await ContractAssert.MatchesAsync(Doc, email, "/authentication-methods", HttpStatusCode.Accepted);

        using var list = await _api.GetAsync(MyAccountHttp.MethodsPath);
        await ContractAssert.MatchesAsync(Doc, list, "/authentication-methods", HttpStatusCode.OK);

        using var delete = await _api.DeleteAsync(MyAccountHttp.MethodPath(id));
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        Assert.True(Doc.Documents("/authentication-methods/{authentication_method_id}", "delete", 204));
        using var missing = await _api.GetAsync(MyAccountHttp.MethodPath(id));
        await ContractAssert.MatchesAsync(Doc, missing, "/authentication-methods/{authentication_method_id}", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Factors_and_errors_match_the_document()
    {
        using var factors = await _api.GetAsync("me/v1/factors");
        await ContractAssert.MatchesAsync(Doc, factors, "/factors", HttpStatusCode.OK);

        using var invalid = await _api.PostAsync(MyAccountHttp.MethodsPath, MyAccountHttp.Json("""{"type":"totp","extra":1}"""));
        await ContractAssert.MatchesAsync(Doc, invalid, "/authentication-methods", HttpStatusCode.BadRequest);
        using var media = await _api.PostAsync(MyAccountHttp.MethodsPath, new StringContent("{}", System.Text.Encoding.UTF8, "text/plain"));
        await ContractAssert.MatchesAsync(Doc, media, "/authentication-methods", HttpStatusCode.UnsupportedMediaType);

        using var anonymous = _tenant.CreateClient();
        using var unauthorized = await anonymous.GetAsync(MyAccountHttp.MethodsPath);
        await ContractAssert.MatchesAsync(Doc, unauthorized, "/authentication-methods", HttpStatusCode.Unauthorized);

        using var narrow = _tenant.CreateMyAccountClient(TenantFixture.DaveId, "read:me:authentication_methods");
        using var forbidden = await narrow.GetAsync("me/v1/factors");
        await ContractAssert.MatchesAsync(Doc, forbidden, "/factors", HttpStatusCode.Forbidden);
    }
}
