using System.Net;
using Profiles.LocalTenant.Data;
using Profiles.LocalTenant.Management;
using Profiles.LocalTenant.Security;
using Profiles.LocalTenant.Tests.Infrastructure;

namespace Profiles.LocalTenant.Tests.Management;

/// <summary>Every PATCH /users/{id} rule of facts B3. Each test works on a user it creates, so tests stay independent.</summary>
public sealed class UserPatchTests(TenantFixture tenant) : IClassFixture<TenantFixture>
{
    private readonly HttpClient _client = tenant.CreateManagementClient();

    [Fact]
    public async Task Metadata_merges_at_the_first_level()
    {
        var id = await NewUserAsync(""","user_metadata":{"a":1,"nested":{"x":1,"y":2}}""");
        var response = await _client.PatchAsync(id, """{"user_metadata":{"nested":{"z":3},"c":"new"}}""");
        var user = await response.ExpectObjectAsync(HttpStatusCode.OK);

        Assert.Equal("""{"a":1,"nested":{"z":3},"c":"new"}""", user["user_metadata"]!.ToJsonString());
    }

    [Fact]
    public async Task Null_deletes_a_metadata_key()
    {
        var id = await NewUserAsync(""","user_metadata":{"a":1,"b":2},"app_metadata":{"plan":"free","tier":1}""");
        var user = await (await _client.PatchAsync(id, """{"user_metadata":{"a":null},"app_metadata":{"tier":null,"extra":true}}""")).ExpectObjectAsync(HttpStatusCode.OK);

        Assert.Equal("""{"b":2}""", user["user_metadata"]!.ToJsonString());
        Assert.Equal("""{"plan":"free","extra":true}""", user["app_metadata"]!.ToJsonString());
    }

    [Fact]
    public async Task Empty_object_clears_metadata()
    {
        var id = await NewUserAsync(""","user_metadata":{"a":1},"app_metadata":{"plan":"free"}""");
        var user = await (await _client.PatchAsync(id, """{"user_metadata":{},"app_metadata":{}}""")).ExpectObjectAsync(HttpStatusCode.OK);

        Assert.False(user.ContainsKey("user_metadata"));
        Assert.False(user.ContainsKey("app_metadata"));
    }

    [Fact]
    public async Task Unknown_property_is_400_invalid_body()
    {
        var response = await _client.PatchAsync(TenantFixture.AliceId, """{"favourite_colour":"teal"}""");
        await response.ExpectErrorAsync(HttpStatusCode.BadRequest, "invalid_body", "Payload validation error: 'Additional properties not allowed: favourite_colour'.");
    }

    [Theory]
    [InlineData("""{"user_metadata":{"a.b":1}}""")]
    [InlineData("""{"user_metadata":{"$set":1}}""")]
    [InlineData("""{"user_metadata":{"outer":{"in.ner":1}}}""")]
    [InlineData("""{"app_metadata":{"pri$ce":1}}""")]
    [InlineData("""{"user_metadata":"text"}""")]
    public async Task Metadata_keys_with_dot_or_dollar_and_non_objects_are_refused(string body)
    {
        var response = await _client.PatchAsync(TenantFixture.AliceId, body);
        await response.ExpectErrorAsync(HttpStatusCode.BadRequest, "invalid_body");
    }

    [Theory]
    [InlineData("blocked")]
    [InlineData("email")]
    [InlineData("user_id")]
    [InlineData("clientID")]
    [InlineData("loginsCount")]
    public async Task Reserved_app_metadata_keys_are_refused(string key)
    {
        var response = await _client.PatchAsync(TenantFixture.AliceId, $$$"""{"app_metadata":{"{{{key}}}":true}}""");
        var message = await response.ExpectErrorAsync(HttpStatusCode.BadRequest, "invalid_body");
        Assert.Contains(key, message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"password":"Another-Pass-123","email":"x@example.com"}""", "Cannot update password and email simultaneously.")]
    [InlineData("""{"password":"Another-Pass-123","email_verified":true}""", "Cannot update password and email_verified simultaneously.")]
    [InlineData("""{"username":"someone","email":"x@example.com"}""", "Cannot update username and email simultaneously.")]
    [InlineData("""{"username":"someone","email_verified":true}""", "Cannot update username and email_verified simultaneously.")]
    [InlineData("""{"username":"someone","password":"Another-Pass-123"}""", "Cannot update username and password simultaneously.")]
    public async Task Forbidden_combinations_are_400(string body, string message)
    {
        var response = await _client.PatchAsync(TenantFixture.AliceId, body);
        await response.ExpectErrorAsync(HttpStatusCode.BadRequest, "invalid_body", message);
    }

    [Theory]
    [InlineData("""{"given_name":""}""", "String is too short (0 chars), minimum 1")]
    [InlineData("""{"family_name":"{151}"}""", "String is too long (151 chars), maximum 150")]
    [InlineData("""{"name":"{301}"}""", "String is too long (301 chars), maximum 300")]
    [InlineData("""{"nickname":"{301}"}""", "String is too long (301 chars), maximum 300")]
    [InlineData("""{"username":"{129}"}""", "String is too long (129 chars), maximum 128")]
    [InlineData("""{"given_name":5}""", "Expected type string but found type integer")]
    [InlineData("""{"blocked":"yes"}""", "Expected type boolean but found type string")]
    [InlineData("""{"picture":"not a url"}""", "Object didn't pass validation for format strict-uri")]
    [InlineData("""{"picture":"ftp://example.com/a.png"}""", "Object didn't pass validation for format strict-uri")]
    [InlineData("""{"picture":"/relative.png"}""", "Object didn't pass validation for format strict-uri")]
    [InlineData("""{"email":"not-an-email"}""", "Object didn't pass validation for format email: not-an-email")]
    [InlineData("""{"phone_number":"0123456"}""", "String does not match pattern")]
    [InlineData("""{"phone_number":"+1234567890123456"}""", "String is too long")]
    public async Task Invalid_values_are_400_invalid_body(string template, string expected)
    {
        var body = template.Replace("{151}", new string('a', 151), StringComparison.Ordinal)
            .Replace("{301}", new string('a', 301), StringComparison.Ordinal)
            .Replace("{129}", new string('a', 129), StringComparison.Ordinal);
        var response = await _client.PatchAsync(TenantFixture.AliceId, body);
        var message = await response.ExpectErrorAsync(HttpStatusCode.BadRequest, "invalid_body");
        Assert.StartsWith("Payload validation error: '", message, StringComparison.Ordinal);
        Assert.Contains(expected, message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Root_attributes_replace_and_null_unsets()
    {
        // A tenant of its own, on a clock this test moves, so that updated_at visibly changes without waiting.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var own = await TenantFixture.StartAsync(clock: clock);
        using var client = own.CreateManagementClient();
        var id = await client.CreateUserAsync(Unique("patch").ToLowerInvariant(), ""","given_name":"Old","family_name":"Name" """);
        var before = await client.GetUserAsync(id);
        clock.Advance(TimeSpan.FromSeconds(1));
        var user = await (await client.PatchAsync(id,
            """{"given_name":"New","family_name":null,"nickname":"nick","picture":"https://example.com/p.png","phone_number":"+441234567890","blocked":true}"""))
            .ExpectObjectAsync(HttpStatusCode.OK);

        Assert.Equal("New", user["given_name"]!.GetValue<string>());
        Assert.False(user.ContainsKey("family_name"));
        Assert.Equal("nick", user["nickname"]!.GetValue<string>());
        Assert.Equal("https://example.com/p.png", user["picture"]!.GetValue<string>());
        Assert.Equal("+441234567890", user["phone_number"]!.GetValue<string>());
        Assert.True(user["blocked"]!.GetValue<bool>());
        Assert.True(string.CompareOrdinal(user["updated_at"]!.GetValue<string>(), before["updated_at"]!.GetValue<string>()) > 0);
    }

    [Fact]
    public async Task Social_on_each_login_user_cannot_change_root_profile_attributes()
    {
        var response = await _client.PatchAsync(TenantFixture.CarolId, """{"name":"Carol Renamed"}""");
        await response.ExpectErrorAsync(HttpStatusCode.BadRequest, "invalid_body", UserPatchApplier.SocialRootAttributesMessage);
    }

    [Fact]
    public async Task Social_user_metadata_can_still_change()
    {
        var user = await (await _client.PatchAsync(TenantFixture.CarolId, """{"user_metadata":{"theme":"dark"}}""")).ExpectObjectAsync(HttpStatusCode.OK);
        Assert.Equal("dark", user["user_metadata"]!["theme"]!.GetValue<string>());
        Assert.Equal("Carol Social", user["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Secondary_identity_cannot_take_root_profile_attributes()
    {
        var response = await _client.PatchAsync(TenantFixture.DaveId, """{"connection":"github","nickname":"x"}""");
        await response.ExpectErrorAsync(HttpStatusCode.BadRequest, "invalid_body", UserPatchApplier.SecondaryRootAttributesMessage);
    }

    [Fact]
    public async Task Connection_selects_a_secondary_identity_whose_attributes_live_in_profile_data()
    {
        var user = await (await _client.PatchAsync(TenantFixture.DaveId, """{"connection":"github","email_verified":false}""")).ExpectObjectAsync(HttpStatusCode.OK);

        Assert.False(user["identities"]![1]!["profileData"]!["email_verified"]!.GetValue<bool>());
        Assert.True(user["email_verified"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Unknown_connection_is_400()
    {
        var response = await _client.PatchAsync(TenantFixture.AliceId, """{"connection":"nope","email_verified":true}""");
        await response.ExpectErrorAsync(HttpStatusCode.BadRequest, "invalid_body", "Connection does not exist.");
    }

    [Fact]
    public async Task Password_change_checks_policy_sets_last_password_reset_and_history()
    {
        var id = await NewUserAsync();
        var weak = await _client.PatchAsync(id, """{"password":"abc"}""");
        await weak.ExpectErrorAsync(HttpStatusCode.BadRequest, "invalid_body", "PasswordStrengthError: Password is too weak");

        var ok = await (await _client.PatchAsync(id, """{"connection":"Username-Password-Authentication","password":"Fresh-Pass-2026"}""")).ExpectObjectAsync(HttpStatusCode.OK);
        Assert.True(ok.ContainsKey("last_password_reset"));
        var hash = tenant.Store.Read(d => d.FindUser(id)!.Primary.PasswordHash);
        Assert.True(PasswordHasher.Verify("Fresh-Pass-2026", hash));

        var reused = await _client.PatchAsync(id, $$"""{"password":"{{ManagementHttp.StrongPassword}}"}""");
        await reused.ExpectErrorAsync(HttpStatusCode.BadRequest, "invalid_body", "PasswordHistoryError: Password has previously been used");
    }

    [Fact]
    public async Task Password_with_personal_information_is_refused()
    {
        var id = await NewUserAsync(""","given_name":"Zebedee" """);
        var response = await _client.PatchAsync(id, """{"password":"Zebedee-Pass-2026"}""");
        await response.ExpectErrorAsync(HttpStatusCode.BadRequest, "invalid_body", "PasswordNoUserInfoError: Password contains user information");
    }

    [Fact]
    public async Task Password_for_a_social_user_is_refused()
    {
        var response = await _client.PatchAsync(TenantFixture.CarolId, """{"password":"Fresh-Pass-2026"}""");
        await response.ExpectErrorAsync(HttpStatusCode.BadRequest, "invalid_body", "Cannot update password for non-database user.");
    }

    [Fact]
    public async Task Email_of_a_social_user_cannot_change()
    {
        var response = await _client.PatchAsync(TenantFixture.CarolId, """{"email":"carol@new.example"}""");
        await response.ExpectErrorAsync(HttpStatusCode.BadRequest, "invalid_body", "Cannot update email for non-database user.");
    }

    [Fact]
    public async Task Email_already_used_on_the_connection_is_400()
    {
        var id = await NewUserAsync();
        var response = await _client.PatchAsync(id, """{"email":"Alice@Example.com"}""");
        await response.ExpectErrorAsync(HttpStatusCode.BadRequest, "auth0_idp_error", "The specified new email already exists");
    }

    [Fact]
    public async Task Email_change_is_stored_lower_case_and_resets_email_verified_without_sending_email()
    {
        var id = await NewUserAsync();
        var user = await (await _client.PatchAsync(id, $$"""{"email":"{{Unique("Changed.Person")}}"}""")).ExpectObjectAsync(HttpStatusCode.OK);

        var email = user["email"]!.GetValue<string>();
        Assert.Equal(email.ToLowerInvariant(), email);
        Assert.False(user["email_verified"]!.GetValue<bool>());
        Assert.Empty(Outbox(email));
    }

    [Fact]
    public async Task Email_change_keeps_an_explicit_email_verified()
    {
        var id = await NewUserAsync();
        var user = await (await _client.PatchAsync(id, $$"""{"email":"{{Unique("kept")}}","email_verified":true}""")).ExpectObjectAsync(HttpStatusCode.OK);
        Assert.True(user["email_verified"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Verify_email_sends_a_verification_email_with_a_ticket_link()
    {
        var id = await NewUserAsync();
        var address = Unique("verify");
        var body = $$"""{"email":"{{address}}","email_verified":false,"verify_email":true,"connection":"Username-Password-Authentication","client_id":"{{TenantFixture.PortalClientId}}"}""";
        await (await _client.PatchAsync(id, body)).ExpectObjectAsync(HttpStatusCode.OK);

        var email = Assert.Single(Outbox(address));
        Assert.Equal("verification", email.Kind);
        var link = Assert.Single(email.Links);
        Assert.StartsWith(tenant.BaseUrl + "/u/email-verification?ticket=", link, StringComparison.Ordinal);
        var ticketId = link[(link.IndexOf('=', StringComparison.Ordinal) + 1)..];
        var ticket = tenant.Store.Read(d => d.Find<TenantTicket>(ticketId));
        Assert.NotNull(ticket);
        Assert.Equal(TenantTicket.EmailVerification, ticket.Kind);
        Assert.Equal(id, ticket.UserId);
    }

    [Fact]
    public async Task A_failing_body_changes_nothing()
    {
        var id = await NewUserAsync(""","user_metadata":{"keep":true}""");
        var schemaFailure = await _client.PatchAsync(id, """{"given_name":"Changed","picture":"bad"}""");
        var ruleFailure = await _client.PatchAsync(id, """{"user_metadata":{"keep":false},"password":"abc"}""");

        await schemaFailure.ExpectErrorAsync(HttpStatusCode.BadRequest, "invalid_body");
        await ruleFailure.ExpectErrorAsync(HttpStatusCode.BadRequest, "invalid_body");
        var user = await _client.GetUserAsync(id);
        Assert.False(user.ContainsKey("given_name"));
        Assert.True(user["user_metadata"]!["keep"]!.GetValue<bool>());
    }

    [Fact]
    public async Task App_metadata_scope_updates_only_app_metadata()
    {
        var id = await NewUserAsync();
        using var narrow = tenant.CreateManagementClient("update:users_app_metadata");

        var allowed = await narrow.PatchAsync(id, """{"app_metadata":{"plan":"gold"}}""");
        var refused = await narrow.PatchAsync(id, """{"app_metadata":{"plan":"gold"},"given_name":"Sneaky"}""");

        Assert.Equal("gold", (await allowed.ExpectObjectAsync(HttpStatusCode.OK))["app_metadata"]!["plan"]!.GetValue<string>());
        await refused.ExpectErrorAsync(HttpStatusCode.Forbidden, "insufficient_scope",
            "Your account is not allowed to update the following user attributes: given_name");
    }

    [Fact]
    public async Task Missing_user_is_404()
    {
        var response = await _client.PatchAsync("auth0|000000000000000000000000", """{"given_name":"x"}""");
        await response.ExpectErrorAsync(HttpStatusCode.NotFound, "inexistent_user");
    }

    [Fact]
    public async Task Malformed_json_is_400()
    {
        var response = await _client.PatchAsync(TenantFixture.AliceId, """{"given_name":""");
        await response.ExpectErrorAsync(HttpStatusCode.BadRequest, "invalid_body");
    }

    private static string Unique(string local) => $"{local}.{Guid.NewGuid():N}@Example.org";

    private Task<string> NewUserAsync(string extraJson = "") => _client.CreateUserAsync(Unique("patch").ToLowerInvariant(), extraJson);

    private List<OutboxEmail> Outbox(string to) => tenant.Store.Read(d => d.All<OutboxEmail>()
        .Where(e => string.Equals(e.To, to, StringComparison.OrdinalIgnoreCase)).ToList());
}
