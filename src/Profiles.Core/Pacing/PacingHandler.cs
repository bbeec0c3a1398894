using Profiles.Core.Resilience;

namespace Profiles.Core.Pacing;

/// <summary>Takes a pacer token for every attempt (it sits inside the resilience handler, so retries wait their turn too) and
/// feeds each answer's rate-limit headers back to the pacer.</summary>
public sealed class PacingHandler(RateLimitPacer pacer, TimeProvider timeProvider) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var path = request.RequestUri is null ? "" : request.RequestUri.IsAbsoluteUri ? request.RequestUri.AbsolutePath : request.RequestUri.OriginalString;
        var group = await pacer.AcquireAsync(request.Method, path, RequestDeadline.Get(request), cancellationToken);
        var started = timeProvider.GetTimestamp();
        var response = await base.SendAsync(request, cancellationToken);
        if (group is not null)
        {
            await pacer.ObserveAsync(group, response, timeProvider.GetElapsedTime(started), cancellationToken);
        }

        return response;
    }
}
