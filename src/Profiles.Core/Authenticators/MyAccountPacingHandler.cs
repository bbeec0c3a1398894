using Microsoft.IdentityModel.JsonWebTokens;
using Profiles.Core.Resilience;

namespace Profiles.Core.Authenticators;

/// <summary>
/// The My Account API client's per-user pacing. Auth0 counts its limits per user: when a response says the user's bucket is
/// empty (<c>x-ratelimit-remaining: 0</c> with a future <c>x-ratelimit-reset</c>), or answers 429, every instance holds that
/// user's calls back until the reset (<see cref="AuthenticatorStateStore"/>); the service then shows "try again in N s"
/// without sending a request Auth0 would refuse. The user is the token's <c>sub</c> (read, not validated: the token is the
/// portal's own, from its store); a token that is not a JWT is not paced.
/// </summary>
public sealed class MyAccountPacingHandler(AuthenticatorStateStore state, TimeProvider timeProvider) : DelegatingHandler
{
    private static readonly JsonWebTokenHandler Tokens = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var response = await base.SendAsync(request, cancellationToken);
        if (UserOf(request) is not { } userId)
        {
            return response;
        }

        var now = timeProvider.GetUtcNow();
        var emptied = RateLimitDelay.ReadLong(response.Headers, "x-ratelimit-remaining") == 0;
        if ((emptied || response.StatusCode == System.Net.HttpStatusCode.TooManyRequests) &&
            RateLimitDelay.HeaderWait(response.Headers, now) is { } wait && wait > TimeSpan.Zero)
        {
            await state.HoldBackAsync(userId, wait, cancellationToken);
        }

        return response;
    }

    private static string? UserOf(HttpRequestMessage request)
    {
        var token = request.Headers.Authorization?.Parameter;
        if (string.IsNullOrEmpty(token) || !Tokens.CanReadToken(token))
        {
            return null;
        }

        try
        {
            return Tokens.ReadJsonWebToken(token).Subject is { Length: > 0 } subject ? subject : null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
