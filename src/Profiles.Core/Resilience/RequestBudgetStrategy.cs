using Polly;

namespace Profiles.Core.Resilience;

/// <summary>Outermost strategy of the Management pipeline: stamps the logical call's deadline (now + request budget) on the
/// request, for the retry's "does this wait still fit" check and for the pacer, and buffers the body so that every attempt can
/// send it again. The budget itself is enforced by the timeout strategy right inside it.</summary>
internal sealed class RequestBudgetStrategy(TimeProvider timeProvider, TimeSpan budget) : ResilienceStrategy<HttpResponseMessage>
{
    protected override async ValueTask<Outcome<HttpResponseMessage>> ExecuteCore<TState>(
        Func<ResilienceContext, TState, ValueTask<Outcome<HttpResponseMessage>>> callback, ResilienceContext context, TState state)
    {
        if (context.GetRequestMessage() is { } request)
        {
            RequestDeadline.Set(request, timeProvider.GetUtcNow() + budget);
            if (request.Content is not null)
            {
                try
                {
                    await request.Content.LoadIntoBufferAsync(context.CancellationToken).ConfigureAwait(context.ContinueOnCapturedContext);
                }
                catch (Exception ex)
                {
                    return Outcome.FromException<HttpResponseMessage>(ex);
                }
            }
        }

        return await callback(context, state).ConfigureAwait(context.ContinueOnCapturedContext);
    }
}
