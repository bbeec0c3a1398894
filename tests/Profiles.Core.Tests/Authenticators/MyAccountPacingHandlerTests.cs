using System.Net;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Profiles.Core.Authenticators;
using Profiles.Core.Management;
using Profiles.Core.Tests.Infrastructure;

namespace Profiles.Core.Tests.Authenticators;

/// <summary>The My Account API's per-user limits: an emptied bucket holds that user (the token's <c>sub</c>) back until the
/// reset, on every instance sharing the cache; other users and opaque tokens are not held.</summary>
public sealed class MyAccountPacingHandlerTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(FakeClock.Start);
    private readonly TestCaches _caches = new();
    private readonly AuthenticatorStateStore _state;

    public MyAccountPacingHandlerTests() => _state = new AuthenticatorStateStore(_caches.Cache, new EphemeralDataProtectionProvider(), _time);

    public void Dispose() => _caches.Dispose();

    [Fact]
    public async Task An_emptied_bucket_holds_that_user_back_until_its_reset()
    {
        var reset = FakeClock.Start.AddSeconds(40).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var client = Client(new StubHandler(() =>
        {
            var response = StubHandler.Json(HttpStatusCode.OK, """{"authentication_methods":[]}""");
            response.Headers.Add("x-ratelimit-limit", "2");
            response.Headers.Add("x-ratelimit-remaining", "0");
            response.Headers.Add("x-ratelimit-reset", reset);
            return response;
        }));

        await client.GetMethodsAsync(Jwt("auth0|paced"));

        Assert.Equal(TimeSpan.FromSeconds(40), await _state.WaitAsync("auth0|paced", CancellationToken.None));
        Assert.Null(await _state.WaitAsync("auth0|other", CancellationToken.None));
        _time.Advance(TimeSpan.FromSeconds(41));
        Assert.Null(await _state.WaitAsync("auth0|paced", CancellationToken.None));
    }

    [Fact]
    public async Task A_bucket_with_calls_left_or_an_opaque_token_holds_nobody_back()
    {
        var client = Client(new StubHandler(() =>
        {
            var response = StubHandler.Json(HttpStatusCode.OK, """{"authentication_methods":[]}""");
            response.Headers.Add("x-ratelimit-remaining", "1");
            response.Headers.Add("x-ratelimit-reset", FakeClock.Start.AddSeconds(40).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
            return response;
        }));

        await client.GetMethodsAsync(Jwt("auth0|paced"));
        await client.GetMethodsAsync("opaque-token");

        Assert.Null(await _state.WaitAsync("auth0|paced", CancellationToken.None));
    }

    private MyAccountClient Client(StubHandler stub) =>
        new(new HttpClient(new MyAccountPacingHandler(_state, _time) { InnerHandler = stub }) { BaseAddress = new Uri("https://tenant.example/me/v1/") }, _time);

    private static string Jwt(string subject) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Claims = new Dictionary<string, object> { ["sub"] = subject },
        SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(new byte[32]), SecurityAlgorithms.HmacSha256),
    });
}
