using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Extensions.Options;
using Profiles.Core.Settings;
using Profiles.Core.Authentication;
using Profiles.Core.Tests.Infrastructure;

namespace Profiles.Core.Tests.Authentication;

public sealed class AuthenticationApiClientTests
{
    private static AuthenticationApiClient Create(StubHandler stub, FakeTimeProvider? time = null) => new(
        new HttpClient(stub),
        Options.Create(new Auth0Options { Domain = "tenant.example", ClientId = "web-client", ClientSecret = "s" }),
        time ?? new FakeTimeProvider(FakeClock.Start));

    [Fact]
    public async Task Change_password_posts_json_and_accepts_the_text_answer()
    {
        var stub = new StubHandler(() => new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent("We've just sent you an email to reset your password.", Encoding.UTF8, "text/html"),
        });

        await Create(stub).ChangePasswordAsync("chuck@example.com", "Username-Password-Authentication", CancellationToken.None);

        var request = Assert.Single(stub.Requests);
        Assert.Equal("https://tenant.example/dbconnections/change_password", request.Uri.ToString());
        Assert.Equal("""{"client_id":"web-client","email":"chuck@example.com","connection":"Username-Password-Authentication"}""", request.Body);
    }

    [Fact]
    public async Task A_429_surfaces_rate_limit_information()
    {
        var time = new FakeTimeProvider(FakeClock.Start);
        var stub = new StubHandler(() =>
        {
            var response = StubHandler.Json(HttpStatusCode.TooManyRequests, """{"error":"too_many_requests","error_description":"Too many requests"}""");
            response.Headers.TryAddWithoutValidation("x-ratelimit-limit", "10");
            response.Headers.TryAddWithoutValidation("x-ratelimit-remaining", "0");
            response.Headers.TryAddWithoutValidation("x-ratelimit-reset", time.GetUtcNow().AddSeconds(60).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
            return response;
        });

        var error = await Assert.ThrowsAsync<AuthenticationApiException>(() => Create(stub, time).ChangePasswordAsync("chuck@example.com", "db", CancellationToken.None));

        Assert.True(error.IsRateLimited);
        Assert.Equal("too_many_requests", error.ErrorCode);
        Assert.Equal(10, error.RateLimit!.Limit);
        Assert.InRange(error.RateLimit.RetryAfter!.Value.TotalSeconds, 60, 61);
        Assert.DoesNotContain("chuck", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Server_errors_are_not_retried()
    {
        var stub = new StubHandler(() => StubHandler.Json(HttpStatusCode.ServiceUnavailable, """{"name":"Error","code":"unavailable","description":"down","statusCode":503}"""));

        var error = await Assert.ThrowsAsync<AuthenticationApiException>(() => Create(stub).ChangePasswordAsync("chuck@example.com", "db", CancellationToken.None));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Equal("unavailable", error.ErrorCode);
        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task A_timeout_is_reported_once_and_not_retried()
    {
        var stub = new StubHandler(async (_, token) =>
        {
            await Task.Delay(Timeout.Infinite, token);
            return new HttpResponseMessage(HttpStatusCode.OK);
        });
        var client = new AuthenticationApiClient(new HttpClient(stub) { Timeout = TimeSpan.FromMilliseconds(100) },
            Options.Create(new Auth0Options { Domain = "tenant.example", ClientId = "web-client" }), new FakeTimeProvider(FakeClock.Start));

        var error = await Assert.ThrowsAsync<AuthenticationApiException>(() => client.ChangePasswordAsync("chuck@example.com", "db", CancellationToken.None));

        Assert.Equal(Core.Management.ManagementApiException.TimeoutErrorCode, error.ErrorCode);
        Assert.Single(stub.Requests);
    }
}
