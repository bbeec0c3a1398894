using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Profiles.LocalTenant.Data;
using Profiles.LocalTenant.Mfa;
using Profiles.LocalTenant.Outbox;
using Profiles.LocalTenant.Tests.Infrastructure;
using Profiles.LocalTenant.Tests.Management;

namespace Profiles.LocalTenant.Tests.Contract;

/// <summary>The Management API's MFA endpoints against Auth0's Management document: authentication methods, authenticators, recovery
/// code regeneration, remembered browsers, enrolment tickets.</summary>
public sealed class AuthenticationMethodsContractTests : ManagementApiTests
{
    private static readonly OpenApiDocument Doc = OpenApiDocument.Management;

    private const string Methods = "/users/{id}/authentication-methods";
    private const string Method = "/users/{id}/authentication-methods/{authentication_method_id}";

    private static string MethodsPath(string userId) => ManagementHttp.UserPath(userId) + "/authentication-methods";

    [Fact]
    public async Task Create_list_get_patch_replace_and_delete_match_the_document()
    {
        using var create = await Api.PostJsonAsync(MethodsPath(TenantFixture.ErinId), """{"type":"email","name":"Test","email":"erin.codes@example.com"}""");
        var created = await ContractAssert.MatchesAsync(Doc, create, Methods, HttpStatusCode.Created);
        Assert.Equal("erin******@exam*******", created!["email"]!.GetValue<string>());
        var id = created["id"]!.GetValue<string>();
        Assert.StartsWith("email|dev_", id, StringComparison.Ordinal);

        using var duplicate = await Api.PostJsonAsync(MethodsPath(TenantFixture.ErinId), """{"type":"email","email":"erin.codes@example.com"}""");
        await ContractAssert.ManagementErrorAsync(duplicate, HttpStatusCode.Conflict);
        using var totp = await Api.PostJsonAsync(MethodsPath(TenantFixture.ErinId), $$"""{"type":"totp","totp_secret":"{{TotpCodes.NewSecret()}}"}""");
        await ContractAssert.MatchesAsync(Doc, totp, Methods, HttpStatusCode.Created);

        using var list = await Api.GetAsync(MethodsPath(TenantFixture.ErinId));
        var all = await ContractAssert.MatchesAsync(Doc, list, Methods, HttpStatusCode.OK);
        Assert.Equal(2, all!.AsArray().Count);
        using var totals = await Api.GetAsync(MethodsPath(TenantFixture.ErinId) + "?include_totals=true&per_page=1");
        var page = await ContractAssert.MatchesAsync(Doc, totals, Methods, HttpStatusCode.OK);
        Assert.Equal(2, page!["total"]!.GetValue<int>());
        Assert.Single(page["authenticators"]!.AsArray());

        using var get = await Api.GetAsync(MethodsPath(TenantFixture.ErinId) + "/" + Uri.EscapeDataString(id));
        await ContractAssert.MatchesAsync(Doc, get, Method, HttpStatusCode.OK);
        using var patch = await Api.PatchAsync(MethodsPath(TenantFixture.ErinId) + "/" + Uri.EscapeDataString(id), ManagementHttp.Json("""{"name":"Test2"}"""));
        Assert.Equal("Test2", (await ContractAssert.MatchesAsync(Doc, patch, Method, HttpStatusCode.OK))!["name"]!.GetValue<string>());

        using var replace = await Api.PutAsync(MethodsPath(TenantFixture.ErinId),
            ManagementHttp.Json($$"""[{"type":"totp","name":"MyTotp","totp_secret":"{{TotpCodes.NewSecret()}}"},{"type":"phone","phone_number":"+15551234567"}]"""));
        var replaced = await ContractAssert.MatchesAsync(Doc, replace, Methods, HttpStatusCode.OK, "confirmed", "enrolled_at");
        Assert.Equal(2, replaced!.AsArray().Count);
        Assert.Equal("XXXXXXXX4567", replaced[1]!["phone_number"]!.GetValue<string>());

        using var gone = await Api.DeleteAsync(MethodsPath(TenantFixture.ErinId) + "/" + Uri.EscapeDataString(id));
        await ContractAssert.ManagementErrorAsync(gone, HttpStatusCode.NotFound);
        using var deleteAll = await Api.DeleteAsync(MethodsPath(TenantFixture.ErinId));
        Assert.Equal(HttpStatusCode.NoContent, deleteAll.StatusCode);
        Assert.True(Doc.Documents(Methods, "delete", 204));
        using var empty = await Api.GetAsync(MethodsPath(TenantFixture.ErinId) + "?include_totals=true");
        var emptyPage = await ContractAssert.MatchesAsync(Doc, empty, Methods, HttpStatusCode.OK);
        Assert.Null(emptyPage!["total"]);
    }

    [Fact]
    public async Task Scopes_and_unknown_users_are_checked()
    {
        using var narrow = Tenant.CreateManagementClient("read:users");
        using var forbidden = await narrow.GetAsync(MethodsPath(TenantFixture.ErinId));
        await ContractAssert.ManagementErrorAsync(forbidden, HttpStatusCode.Forbidden);
        using var unknown = await Api.GetAsync(MethodsPath("auth0|nobody"));
        await ContractAssert.ManagementErrorAsync(unknown, HttpStatusCode.NotFound);
        using var badType = await Api.PostJsonAsync(MethodsPath(TenantFixture.ErinId), """{"type":"pigeon"}""");
        await ContractAssert.ManagementErrorAsync(badType, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Recovery_code_regeneration_remember_browser_and_authenticators_match_the_document()
    {
        using var none = await Api.PostAsync(ManagementHttp.UserPath(TenantFixture.ErinId) + "/recovery-code-regeneration", null);
        await ContractAssert.ManagementErrorAsync(none, HttpStatusCode.NotFound);

        Tenant.Store.Write(w =>
        {
            w.Save(new TenantAuthenticationMethod { Id = "recovery-code|dev_ErinRecovery0001", UserId = TenantFixture.ErinId, Type = "recovery-code", RecoveryCodeHash = RecoveryCodes.Hash(RecoveryCodes.New()) });
            w.Save(new TenantAuthenticationMethod { Id = "totp|dev_ErinTotp000000001", UserId = TenantFixture.ErinId, Type = "totp", TotpSecret = TotpCodes.NewSecret() });
            w.Save(new TenantRememberedBrowser { TokenHash = "erin-browser", UserId = TenantFixture.ErinId, ExpiresAt = DateTimeOffset.UtcNow.AddDays(1) });
        });
        using var regenerate = await Api.PostAsync(ManagementHttp.UserPath(TenantFixture.ErinId) + "/recovery-code-regeneration", null);
        var code = (await ContractAssert.MatchesAsync(Doc, regenerate, "/users/{id}/recovery-code-regeneration", HttpStatusCode.OK))!["recovery_code"]!.GetValue<string>();
        Assert.Matches("^[A-Z0-9]{24}$", code);
        Assert.True(RecoveryCodes.Matches(Tenant.Store.Read(d => d.Find<TenantAuthenticationMethod>("recovery-code|dev_ErinRecovery0001")!), code));

        using var forget = await Api.PostAsync(ManagementHttp.UserPath(TenantFixture.ErinId) + "/multifactor/actions/invalidate-remember-browser", null);
        Assert.Equal(HttpStatusCode.NoContent, forget.StatusCode);
        Assert.Empty(await forget.Content.ReadAsByteArrayAsync());
        Assert.Null(Tenant.Store.Read(d => d.Find<TenantRememberedBrowser>("erin-browser")));

        using var authenticators = await Api.DeleteAsync(ManagementHttp.UserPath(TenantFixture.ErinId) + "/authenticators");
        Assert.Equal(HttpStatusCode.NoContent, authenticators.StatusCode);
        Assert.True(Doc.Documents("/users/{id}/authenticators", "delete", 204));
        Assert.Empty(Tenant.Store.Read(d => MethodEnrollment.Methods(d, TenantFixture.ErinId).ToList()));
    }

    [Fact]
    public async Task An_enrollment_ticket_is_200_with_id_and_url_and_its_page_enrols_an_authenticator_app()
    {
        using var create = await Api.PostJsonAsync("api/v2/guardian/enrollments/ticket", $$"""{"user_id":"{{TenantFixture.ErinId}}","send_mail":false}""");
        var ticket = await ContractAssert.MatchesAsync(Doc, create, "/guardian/enrollments/ticket", HttpStatusCode.OK);
        var url = ticket!["ticket_url"]!.GetValue<string>();
        Assert.Equal($"{Tenant.BaseUrl}/mfa/enrollment?ticket={ticket["ticket_id"]!.GetValue<string>()}", url);

        using var mailed = await Api.PostJsonAsync("api/v2/guardian/enrollments/ticket", $$"""{"user_id":"{{TenantFixture.ErinId}}","send_mail":true}""");
        var mailedUrl = (await ContractAssert.MatchesAsync(Doc, mailed, "/guardian/enrollments/ticket", HttpStatusCode.OK))!["ticket_url"]!.GetValue<string>();
        var email = Tenant.Tenant.Services.GetRequiredService<OutboxService>().List("erin@example.com").Single(e => e.Kind == "mfa-enrollment");
        Assert.Equal([mailedUrl], email.Links);

        using var unknown = await Api.PostJsonAsync("api/v2/guardian/enrollments/ticket", """{"user_id":"auth0|nobody"}""");
        await ContractAssert.ManagementErrorAsync(unknown, HttpStatusCode.NotFound);
        using var sms = await Api.PostJsonAsync("api/v2/guardian/enrollments/ticket", $$"""{"user_id":"{{TenantFixture.ErinId}}","factor":"sms"}""");
        await ContractAssert.ManagementErrorAsync(sms, HttpStatusCode.BadRequest);
        using var push = await Api.PostJsonAsync("api/v2/guardian/enrollments/ticket", $$"""{"user_id":"{{TenantFixture.ErinId}}","factor":"push-notification"}""");
        await ContractAssert.ManagementErrorAsync(push, HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("otp")]
    [InlineData("phone")]
    [InlineData("email")]
    public async Task An_enrollment_ticket_for_each_factor_the_hosted_page_enrols_is_200_and_remembers_its_factor(string factor)
    {
        using var create = await Api.PostJsonAsync("api/v2/guardian/enrollments/ticket",
            $$"""{"user_id":"{{TenantFixture.ErinId}}","factor":"{{factor}}","allow_multiple_enrollments":true,"send_mail":false}""");
        var ticket = await ContractAssert.MatchesAsync(Doc, create, "/guardian/enrollments/ticket", HttpStatusCode.OK);

        var stored = Tenant.Store.Read(d => d.Find<TenantTicket>(ticket!["ticket_id"]!.GetValue<string>()));
        Assert.Equal(factor, stored!.Factor);
    }
}
