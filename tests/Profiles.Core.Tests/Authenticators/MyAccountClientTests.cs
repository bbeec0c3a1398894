using System.Net;
using Microsoft.Extensions.Time.Testing;
using Profiles.Core.Management;
using Profiles.Core.Management.Models;
using Profiles.Core.Tests.Infrastructure;

namespace Profiles.Core.Tests.Authenticators;

/// <summary>The My Account API client against Auth0's documented shapes: the list wrapper, the user's own bearer token, the
/// Location header's method segment used as it is, and the API's own error body with its rate-limit headers.</summary>
public sealed class MyAccountClientTests
{
    private readonly FakeTimeProvider _time = new(FakeClock.Start);

    [Fact]
    public async Task Lists_methods_from_the_wrapper_with_the_users_token()
    {
        var stub = new StubHandler(() => StubHandler.Json(HttpStatusCode.OK, """
            {"authentication_methods":[{"id":"passkey|dev_1","type":"passkey","created_at":"2026-02-01T10:00:00.000Z","usage":["primary"],
              "credential_device_type":"multi_device","credential_backed_up":true,"aaguid":"fbfc3007-154e-4ecc-8c0b-6e020557d7bd","relying_party_id":"tenant.example"},
             {"id":"totp|dev_2","type":"totp","confirmed":true,"name":"Work","created_at":"2026-02-02T10:00:00.000Z","last_auth_at":"2026-02-03T10:00:00.000Z","usage":["secondary"]}]}
            """));

        var methods = await Client(stub).GetMethodsAsync("user-token");

        Assert.Equal(["passkey|dev_1", "totp|dev_2"], methods.Select(m => m.Id));
        Assert.Equal("multi_device", methods[0].CredentialDeviceType);
        Assert.Equal(new DateTimeOffset(2026, 2, 3, 10, 0, 0, TimeSpan.Zero), methods[1].LastAuthAt);
        var request = Assert.Single(stub.Requests);
        Assert.Equal(("/me/v1/authentication-methods", "user-token"), (request.PathAndQuery, request.BearerToken));
    }

    [Fact]
    public async Task A_passkey_enrolment_is_verified_at_the_location_it_was_given()
    {
        var stub = new StubHandler(
            () =>
            {
                var accepted = StubHandler.Json(HttpStatusCode.Accepted, """{"auth_session":"sess","authn_params_public_key":{"challenge":"Y2hh","rp":{"id":"tenant.example"}}}""");
                accepted.Headers.Location = new Uri("https://tenant.example/me/v1/authentication-methods/passkey%7Cnew");
                return accepted;
            },
            () => StubHandler.Json(HttpStatusCode.Created, "{}"));
        var client = Client(stub);

        var started = await client.StartEnrollmentAsync("user-token", new MyAccountEnrollmentRequest("passkey", Connection: "Username-Password-Authentication"));
        await client.VerifyAsync("user-token", started.LocationSegment!, new MyAccountVerifyRequest(started.AuthSession, AuthnResponse: started.AuthnParamsPublicKey));

        Assert.Null(started.Id);
        Assert.Equal("passkey%7Cnew", started.LocationSegment);
        Assert.Equal("""{"type":"passkey","connection":"Username-Password-Authentication"}""", stub.Requests[0].Body);
        Assert.Equal("/me/v1/authentication-methods/passkey%7Cnew/verify", stub.Requests[1].PathAndQuery);
        Assert.StartsWith("""{"auth_session":"sess","authn_response":{"challenge":"Y2hh""", stub.Requests[1].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_method_id_is_escaped_in_the_path()
    {
        var stub = new StubHandler(() => new HttpResponseMessage(HttpStatusCode.NoContent));

        await Client(stub).DeleteAsync("user-token", "totp|dev_1");

        Assert.Equal((HttpMethod.Delete, "/me/v1/authentication-methods/totp%7Cdev_1"), (stub.Requests[0].Method, stub.Requests[0].PathAndQuery));
    }

    [Fact]
    public async Task A_429_reads_the_my_account_error_body_and_its_retry_after()
    {
        var stub = new StubHandler(() =>
        {
            var response = StubHandler.Json(HttpStatusCode.TooManyRequests,
                """{"type":"https://auth0.com/api-errors/A0E-429-0001","status":429,"title":"Too Many Requests","detail":"Rate limit exceeded."}""");
            response.Headers.Add("retry-after", "42");
            response.Headers.Add("x-ratelimit-limit", "2");
            return response;
        });

        var failure = await Assert.ThrowsAsync<MyAccountApiException>(() => Client(stub).RenameAsync("user-token", "totp|dev_1", "Phone"));

        Assert.True(failure.IsRateLimited);
        Assert.Equal(("Too Many Requests", "Rate limit exceeded."), (failure.Title, failure.Detail));
        Assert.Equal(2, failure.RateLimit!.Limit);
        Assert.InRange(failure.RateLimit.RetryAfter!.Value, TimeSpan.FromSeconds(42), TimeSpan.FromSeconds(43));
        Assert.Equal("""{"name":"Phone"}""", stub.Requests[0].Body);
    }

    private MyAccountClient Client(StubHandler stub) =>
        new(new HttpClient(stub) { BaseAddress = new Uri("https://tenant.example/me/v1/") }, _time);
}
