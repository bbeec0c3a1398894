using System.Net;
using Profiles.Core.Resilience;

namespace Profiles.Bench;

/// <summary>Auth0's SDK strategy: up to 2 retries of a 429, waiting for Retry-After, else until x-ratelimit-reset, plus 0–20 %
/// jitter, capped at 60 s. Nothing else is retried.</summary>
public sealed class Auth0SdkRetryHandler(TimeProvider timeProvider) : DelegatingHandler
{
    private const int MaxRetries = 2;
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan NoHeaderDelay = TimeSpan.FromSeconds(1);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is not null)
        {
            await request.Content.LoadIntoBufferAsync(cancellationToken);
        }

        for (var attempt = 0; ; attempt++)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (response.StatusCode != HttpStatusCode.TooManyRequests || attempt >= MaxRetries)
            {
                return response;
            }

            var wait = RateLimitDelay.HeaderWait(response.Headers, timeProvider.GetUtcNow()) ?? NoHeaderDelay;
            wait *= 1 + (Random.Shared.NextDouble() * 0.2);
            response.Dispose();
            await Task.Delay(wait < MaxDelay ? wait : MaxDelay, timeProvider, cancellationToken);
        }
    }
}
