using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Profiles.LocalTenant.Data;
using Profiles.LocalTenant.Mfa;
using Profiles.LocalTenant.Outbox;
using Profiles.LocalTenant.Tests.Infrastructure;

namespace Profiles.LocalTenant.Tests.MyAccount;

/// <summary>Enrolling, listing, renaming and removing second factors through <c>/me/v1/authentication-methods</c>, on a tenant
/// whose clock the test holds (TOTP codes depend on it).</summary>
public sealed class MyAccountEnrollmentTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 2, 10, 0, 0, TimeSpan.Zero));
    private TenantFixture _tenant = null!;
    private HttpClient _api = null!;

    public async Task InitializeAsync()
    {
        _tenant = await TenantFixture.StartAsync(clock: _clock);
        _api = _tenant.CreateMyAccountClient(TenantFixture.BobId, "read:me:authentication_methods", "create:me:authentication_methods",
            "update:me:authentication_methods", "delete:me:authentication_methods");
    }

    public async Task DisposeAsync()
    {
        _api.Dispose();
        await _tenant.DisposeAsync();
    }

    [Fact]
    public async Task Totp_enrolment_starts_with_202_and_a_qr_code_then_verifies_with_a_code_from_the_app()
    {
        using var start = await _api.PostAsync(MyAccountHttp.MethodsPath, MyAccountHttp.Json("""{"type":"totp"}"""));
        var started = await MyAccountHttp.ExpectJsonAsync(start, HttpStatusCode.Accepted);
        var id = started.GetProperty("id").GetString()!;
        Assert.Matches("^totp\\|dev_[A-Za-z0-9]{16}$", id);
        Assert.Equal($"{_tenant.BaseUrl}/me/v1/authentication-methods/{Uri.EscapeDataString(id)}", start.Headers.Location!.OriginalString);
        var secret = started.GetProperty("manual_input_code").GetString()!;
        Assert.StartsWith("otpauth://totp/", started.GetProperty("barcode_uri").GetString(), StringComparison.Ordinal);
        Assert.Contains("secret=" + secret, started.GetProperty("barcode_uri").GetString(), StringComparison.Ordinal);
        var session = started.GetProperty("auth_session").GetString()!;

        using var wrong = await _api.PostAsync(MyAccountHttp.MethodPath(id) + "/verify",
            MyAccountHttp.Json($$"""{"auth_session":"{{session}}","otp_code":"{{OtherCode(secret)}}"}"""));
        await MyAccountHttp.ExpectErrorAsync(wrong, HttpStatusCode.BadRequest);

        var code = new TotpCodes(_clock).Now(secret);
        using var verify = await _api.PostAsync(MyAccountHttp.MethodPath(id) + "/verify",
            MyAccountHttp.Json($$"""{"auth_session":"{{session}}","otp_code":"{{code}}"}"""));
        var method = await MyAccountHttp.ExpectJsonAsync(verify, HttpStatusCode.Created);
        Assert.Equal(id, method.GetProperty("id").GetString());
        Assert.Equal("totp", method.GetProperty("type").GetString());
        Assert.True(method.GetProperty("confirmed").GetBoolean());
        Assert.EndsWith(Uri.EscapeDataString(id), verify.Headers.Location!.OriginalString, StringComparison.Ordinal);

        // The session is spent; the same code cannot complete it again.
        using var again = await _api.PostAsync(MyAccountHttp.MethodPath(id) + "/verify",
            MyAccountHttp.Json($$"""{"auth_session":"{{session}}","otp_code":"{{code}}"}"""));
        await MyAccountHttp.ExpectErrorAsync(again, HttpStatusCode.BadRequest);

        using var list = await _api.GetAsync(MyAccountHttp.MethodsPath);
        var methods = (await MyAccountHttp.ExpectJsonAsync(list, HttpStatusCode.OK)).GetProperty("authentication_methods").EnumerateArray().ToList();
        Assert.Equal(["password", "totp"], methods.Select(m => m.GetProperty("type").GetString()));
        Assert.Equal("secondary", methods[1].GetProperty("usage")[0].GetString());
    }

    [Fact]
    public async Task An_expired_auth_session_is_refused()
    {
        using var start = await _api.PostAsync(MyAccountHttp.MethodsPath, MyAccountHttp.Json("""{"type":"totp"}"""));
        var started = await MyAccountHttp.ExpectJsonAsync(start, HttpStatusCode.Accepted);
        _clock.Advance(PendingEnrollments.Lifetime + TimeSpan.FromSeconds(1));
        var code = new TotpCodes(_clock).Now(started.GetProperty("manual_input_code").GetString()!);
        using var verify = await _api.PostAsync(MyAccountHttp.MethodPath(started.GetProperty("id").GetString()!) + "/verify",
            MyAccountHttp.Json($$"""{"auth_session":"{{started.GetProperty("auth_session").GetString()}}","otp_code":"{{code}}"}"""));
        var error = await MyAccountHttp.ExpectErrorAsync(verify, HttpStatusCode.BadRequest);
        Assert.Contains("auth_session", error.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Email_enrolment_sends_a_code_to_the_outbox_and_the_method_can_be_renamed_and_removed()
    {
        using var start = await _api.PostAsync(MyAccountHttp.MethodsPath, MyAccountHttp.Json("""{"type":"email","email":"bob.codes@example.com"}"""));
        var started = await MyAccountHttp.ExpectJsonAsync(start, HttpStatusCode.Accepted);
        var id = started.GetProperty("id").GetString()!;
        var message = _tenant.Tenant.Services.GetRequiredService<OutboxService>().List("bob.codes@example.com").Single();
        var code = System.Text.RegularExpressions.Regex.Match(message.Body, "[0-9]{6}").Value;

        using var verify = await _api.PostAsync(MyAccountHttp.MethodPath(id) + "/verify",
            MyAccountHttp.Json($$"""{"auth_session":"{{started.GetProperty("auth_session").GetString()}}","otp_code":"{{code}}"}"""));
        Assert.Equal("bob.codes@example.com", (await MyAccountHttp.ExpectJsonAsync(verify, HttpStatusCode.Created)).GetProperty("email").GetString());

        using var rename = await _api.PatchAsync(MyAccountHttp.MethodPath(id), MyAccountHttp.Json("""{"name":"Work mail"}"""));
        Assert.Equal("Work mail", (await MyAccountHttp.ExpectJsonAsync(rename, HttpStatusCode.OK)).GetProperty("name").GetString());
        using var tooLong = await _api.PatchAsync(MyAccountHttp.MethodPath(id), MyAccountHttp.Json("""{"name":"A name that is far too long"}"""));
        await MyAccountHttp.ExpectErrorAsync(tooLong, HttpStatusCode.BadRequest);
        using var voice = await _api.PatchAsync(MyAccountHttp.MethodPath(id), MyAccountHttp.Json("""{"preferred_authentication_method":"voice"}"""));
        await MyAccountHttp.ExpectErrorAsync(voice, HttpStatusCode.BadRequest);

        using var delete = await _api.DeleteAsync(MyAccountHttp.MethodPath(id));
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        using var gone = await _api.GetAsync(MyAccountHttp.MethodPath(id));
        await MyAccountHttp.ExpectErrorAsync(gone, HttpStatusCode.NotFound);
        Assert.Null(_tenant.Store.Read(d => d.Find<TenantAuthenticationMethod>(id)));
    }

    [Fact]
    public async Task Recovery_code_enrolment_shows_the_code_once_and_verifies_without_one()
    {
        using var start = await _api.PostAsync(MyAccountHttp.MethodsPath, MyAccountHttp.Json("""{"type":"recovery-code"}"""));
        var started = await MyAccountHttp.ExpectJsonAsync(start, HttpStatusCode.Accepted);
        Assert.Matches("^[A-Z0-9]{24}$", started.GetProperty("recovery_code").GetString());
        using var verify = await _api.PostAsync(MyAccountHttp.MethodPath(started.GetProperty("id").GetString()!) + "/verify",
            MyAccountHttp.Json($$"""{"auth_session":"{{started.GetProperty("auth_session").GetString()}}"}"""));
        var method = await MyAccountHttp.ExpectJsonAsync(verify, HttpStatusCode.Created);
        Assert.Equal("recovery-code", method.GetProperty("type").GetString());
        Assert.False(method.TryGetProperty("recovery_code", out _));

        using var second = await _api.PostAsync(MyAccountHttp.MethodsPath, MyAccountHttp.Json("""{"type":"recovery-code"}"""));
        await MyAccountHttp.ExpectErrorAsync(second, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Bad_bodies_answer_400_or_415_and_the_password_cannot_be_deleted()
    {
        using var unknownType = await _api.PostAsync(MyAccountHttp.MethodsPath, MyAccountHttp.Json("""{"type":"carrier-pigeon"}"""));
        var error = await MyAccountHttp.ExpectErrorAsync(unknownType, HttpStatusCode.BadRequest);
        Assert.Equal("type", error.GetProperty("validation_errors")[0].GetProperty("field").GetString());
        using var extra = await _api.PostAsync(MyAccountHttp.MethodsPath, MyAccountHttp.Json("""{"type":"totp","secret":"x"}"""));
        await MyAccountHttp.ExpectErrorAsync(extra, HttpStatusCode.BadRequest);
        using var badPhone = await _api.PostAsync(MyAccountHttp.MethodsPath, MyAccountHttp.Json("""{"type":"phone","phone_number":"12"}"""));
        await MyAccountHttp.ExpectErrorAsync(badPhone, HttpStatusCode.BadRequest);
        using var form = await _api.PostAsync(MyAccountHttp.MethodsPath, new StringContent("type=totp", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"));
        await MyAccountHttp.ExpectErrorAsync(form, HttpStatusCode.UnsupportedMediaType);

        using var list = await _api.GetAsync(MyAccountHttp.MethodsPath + "?type=password");
        var password = (await MyAccountHttp.ExpectJsonAsync(list, HttpStatusCode.OK)).GetProperty("authentication_methods").EnumerateArray().Single();
        using var delete = await _api.DeleteAsync(MyAccountHttp.MethodPath(password.GetProperty("id").GetString()!));
        await MyAccountHttp.ExpectErrorAsync(delete, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_user_cannot_see_or_remove_another_users_method()
    {
        var aliceMethod = _tenant.Store.Write(w =>
        {
            var method = new TenantAuthenticationMethod { Id = "totp|dev_AliceAliceAlice0", UserId = TenantFixture.AliceId, Type = "totp", TotpSecret = TotpCodes.NewSecret() };
            w.Save(method);
            return method.Id;
        });
        using var get = await _api.GetAsync(MyAccountHttp.MethodPath(aliceMethod));
        await MyAccountHttp.ExpectErrorAsync(get, HttpStatusCode.NotFound);
        using var delete = await _api.DeleteAsync(MyAccountHttp.MethodPath(aliceMethod));
        await MyAccountHttp.ExpectErrorAsync(delete, HttpStatusCode.NotFound);
        Assert.NotNull(_tenant.Store.Read(d => d.Find<TenantAuthenticationMethod>(aliceMethod)));
    }

    private string OtherCode(string secret)
    {
        var right = new TotpCodes(_clock).Now(secret);
        return right == "000000" ? "111111" : "000000";
    }
}
