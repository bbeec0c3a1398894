using Polly;
using Profiles.Core.Pacing;

namespace Profiles.Core.Resilience;

/// <summary>Takes a <see cref="RateLimitPacer"/> token for every attempt (retries included) and lets the pacer learn from the
/// answer. It sits between the retry and the breaker, so the wait for a token neither counts against the attempt timeout nor
/// reaches the breaker, and a refusal (a 429-style <see cref="Management.ManagementApiException"/>) is not retried.</summary>
internal sealed class PacingStrategy(RateLimitPacer pacer, TimeProvider timeProvider) : ResilienceStrategy<HttpResponseMessage>
{
    protected override async ValueTask<Outcome<HttpResponseMessage>> ExecuteCore<TState>(
        Func<ResilienceContext, TState, ValueTask<Outcome<HttpResponseMessage>>> callback, ResilienceContext context, TState state)
    {
        var request = context.GetRequestMessage();
        if (request is null)
        {
            return await callback(context, state).ConfigureAwait(context.ContinueOnCapturedContext);
        }

        string? group;
        try
        {
            var uri = request.RequestUri;
            var path = uri is null ? "" : uri.IsAbsoluteUri ? uri.AbsolutePath : uri.OriginalString;
            group = await pacer.AcquireAsync(request.Method, path, RequestDeadline.Get(request), context.CancellationToken)
                .ConfigureAwait(context.ContinueOnCapturedContext);
        }
        catch (Exception ex)
        {
            return Outcome.FromException<HttpResponseMessage>(ex);
        }

        var started = timeProvider.GetTimestamp();
        var outcome = await callback(context, state).ConfigureAwait(context.ContinueOnCapturedContext);
        if (group is not null && outcome.Result is { } response)
        {
            try
            {
                await pacer.ObserveAsync(group, response, timeProvider.GetElapsedTime(started), context.CancellationToken)
                    .ConfigureAwait(context.ContinueOnCapturedContext);
            }
            catch (Exception ex)
            {
                response.Dispose();
                return Outcome.FromException<HttpResponseMessage>(ex);
            }
        }

        return outcome;
    }
}
