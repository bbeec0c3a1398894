using System.Net;
using System.Text.Json.Nodes;
using Profiles.Core.Management;
using Profiles.Core.Management.Models;
using Profiles.Core.Tests.Infrastructure;

namespace Profiles.Core.Tests.Management;

public sealed class UsersClientTests
{
    private static (UsersClient Client, StubHandler Stub) Create(params Func<HttpResponseMessage>[] responses)
    {
        var stub = new StubHandler(responses);
        var http = new HttpClient(stub) { BaseAddress = new Uri("https://tenant.example/api/v2/") };
        return (new UsersClient(http, new FakeTimeProvider(FakeClock.Start)), stub);
    }

    [Fact]
    public async Task Get_url_encodes_the_user_id_and_reads_the_recorded_user()
    {
        var (client, stub) = Create(() => StubHandler.Json(HttpStatusCode.OK, Fixtures.DatabaseUser));

        var user = await client.GetAsync(Fixtures.DatabaseUserId);

        Assert.Equal("/api/v2/users/auth0%7C63d17c4a9d503d76c056c160", stub.Requests[0].PathAndQuery);
        Assert.Equal("Chucky", user.Nickname);
        Assert.Equal("Sanchez", user.FamilyName);
        Assert.True(user.EmailVerified);
        Assert.Equal(new DateTimeOffset(2023, 1, 25, 19, 0, 26, 539, TimeSpan.Zero), user.CreatedAt);
        var identity = Assert.Single(user.Identities!);
        Assert.Equal("63d17c4a9d503d76c056c160", identity.UserId);
        Assert.False(identity.IsSocial);
        Assert.Equal("en", (string?)user.UserMetadata!["language"]);
        Assert.Equal("premium", (string?)user.AppMetadata!["plan"]);
    }

    [Fact]
    public async Task Get_accepts_numeric_identity_ids_and_sends_fields()
    {
        var (client, stub) = Create(() => StubHandler.Json(HttpStatusCode.OK, Fixtures.SocialUser));

        var user = await client.GetAsync("github|12345678", "user_id,identities");

        Assert.Equal("/api/v2/users/github%7C12345678?fields=user_id%2Cidentities&include_fields=true", stub.Requests[0].PathAndQuery);
        Assert.Equal("12345678", user.Identities![0].UserId);
        Assert.Equal("second@example.com", (string?)user.Identities[1].ProfileData!["email"]);
    }

    [Fact]
    public async Task Update_sends_only_assigned_fields_and_keeps_explicit_nulls()
    {
        var (client, stub) = Create(() => StubHandler.Json(HttpStatusCode.OK, Fixtures.User()));
        var request = new UserUpdateRequest { Nickname = "chuck", GivenName = null, UserMetadata = new JsonObject { ["theme"] = "dark", ["old"] = null } };

        await client.UpdateAsync(Fixtures.DatabaseUserId, request);

        var sent = stub.Requests[0];
        Assert.Equal(HttpMethod.Patch, sent.Method);
        Assert.Equal("application/json", sent.ContentType);
        Assert.Equal("""{"nickname":"chuck","given_name":null,"user_metadata":{"theme":"dark","old":null}}""", sent.Body);
    }

    [Fact]
    public async Task Delete_is_sent_to_the_encoded_path()
    {
        var (client, stub) = Create(() => new HttpResponseMessage(HttpStatusCode.NoContent));

        await client.DeleteAsync("google-oauth2|103547991597142817347");

        Assert.Equal(HttpMethod.Delete, stub.Requests[0].Method);
        Assert.Equal("/api/v2/users/google-oauth2%7C103547991597142817347", stub.Requests[0].PathAndQuery);
    }

    [Fact]
    public async Task Users_by_email_escapes_the_address()
    {
        var (client, stub) = Create(() => StubHandler.Json(HttpStatusCode.OK, "[" + Fixtures.DatabaseUser + "]"));

        var users = await client.GetUsersByEmailAsync("chuck+1@example.com");

        Assert.Single(users);
        Assert.Equal("/api/v2/users-by-email?email=chuck%2B1%40example.com", stub.Requests[0].PathAndQuery);
    }

    [Fact]
    public async Task Link_and_unlink_use_the_documented_paths_and_bodies()
    {
        const string identities = """[{"connection":"Username-Password-Authentication","user_id":"63d1","provider":"auth0","isSocial":false}]""";
        var (client, stub) = Create(() => StubHandler.Json(HttpStatusCode.Created, identities), () => StubHandler.Json(HttpStatusCode.OK, identities));

        var linked = await client.LinkAccountAsync(Fixtures.DatabaseUserId, "auth0", "auth0|63d17c6b77d74b740960460a", "con_ftSSLHb0O7rcUGmF");
        var remaining = await client.UnlinkAccountAsync(Fixtures.DatabaseUserId, "google-oauth2", "103547991597142817347");

        Assert.Single(linked);
        Assert.Single(remaining);
        Assert.Equal("/api/v2/users/auth0%7C63d17c4a9d503d76c056c160/identities", stub.Requests[0].PathAndQuery);
        Assert.Equal("""{"provider":"auth0","user_id":"auth0|63d17c6b77d74b740960460a","connection_id":"con_ftSSLHb0O7rcUGmF"}""", stub.Requests[0].Body);
        Assert.Equal(HttpMethod.Delete, stub.Requests[1].Method);
        Assert.Equal("/api/v2/users/auth0%7C63d17c4a9d503d76c056c160/identities/google-oauth2/103547991597142817347", stub.Requests[1].PathAndQuery);
    }

    [Fact]
    public async Task Errors_carry_status_code_and_message_but_no_personal_data()
    {
        var (client, _) = Create(() => StubHandler.Json(HttpStatusCode.NotFound,
            """{"statusCode":404,"error":"Not Found","message":"The user does not exist.","errorCode":"inexistent_user"}"""));

        var error = await Assert.ThrowsAsync<ManagementApiException>(() => client.GetAsync(Fixtures.DatabaseUserId));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal("inexistent_user", error.ErrorCode);
        Assert.Equal("The user does not exist.", error.ApiMessage);
        Assert.DoesNotContain("63d17c4a9d503d76c056c160", error.Message, StringComparison.Ordinal);
        Assert.Null(error.RateLimit);
    }

    [Fact]
    public async Task Errors_without_error_code_or_json_fall_back_to_the_reason_phrase()
    {
        var (client, _) = Create(
            () => StubHandler.Json(HttpStatusCode.NotFound, """{"statusCode":404,"error":"Not Found","message":"The log stream does not exist."}"""),
            () => new HttpResponseMessage(HttpStatusCode.BadGateway) { Content = new StringContent("<html>bad gateway</html>"), ReasonPhrase = "Bad Gateway" });

        var withoutCode = await Assert.ThrowsAsync<ManagementApiException>(() => client.GetAsync("auth0|1"));
        var notJson = await Assert.ThrowsAsync<ManagementApiException>(() => client.GetAsync("auth0|1"));

        Assert.Null(withoutCode.ErrorCode);
        Assert.Equal("The log stream does not exist.", withoutCode.ApiMessage);
        Assert.Null(notJson.ErrorCode);
        Assert.Equal("Bad Gateway", notJson.ApiMessage);
    }

    [Fact]
    public async Task Rate_limit_headers_are_exposed_on_429()
    {
        var time = new FakeTimeProvider(FakeClock.Start);
        var reset = time.GetUtcNow().AddSeconds(5);
        var stub = new StubHandler(() => StubHandler.TooManyRequests(response =>
        {
            response.Headers.TryAddWithoutValidation("x-ratelimit-limit", "10");
            response.Headers.TryAddWithoutValidation("x-ratelimit-remaining", "0");
            response.Headers.TryAddWithoutValidation("x-ratelimit-reset", reset.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        }));
        var client = new UsersClient(new HttpClient(stub) { BaseAddress = new Uri("https://tenant.example/api/v2/") }, time);

        var error = await Assert.ThrowsAsync<ManagementApiException>(() => client.GetAsync("auth0|1"));

        Assert.True(error.IsRateLimited);
        Assert.Equal(new RateLimitInfo(10, 0, reset, TimeSpan.FromSeconds(5) + Core.Resilience.RateLimitDelay.Pad), error.RateLimit);
    }
}
