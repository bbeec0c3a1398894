using Polly;
using Profiles.Core.Pacing;

namespace Profiles.Core.Resilience;

/// <summary>Runs each Management API request through <see cref="ManagementResiliencePipeline"/>, and every attempt (retries
/// included) through the <see cref="RateLimitPacer"/> first when one is given. The body is buffered first so that a retried
/// attempt can send it again.</summary>
public sealed class ManagementResilienceHandler : DelegatingHandler
{
    private readonly ManagementResiliencePipeline _resilience;
    private readonly RateLimitPacer? _pacer;
    private readonly TimeProvider _timeProvider;

    public ManagementResilienceHandler(ManagementResiliencePipeline resilience)
        : this(resilience, null, TimeProvider.System)
    {
    }

    public ManagementResilienceHandler(ManagementResiliencePipeline resilience, RateLimitPacer? pacer, TimeProvider timeProvider)
    {
        _resilience = resilience;
        _pacer = pacer;
        _timeProvider = timeProvider;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Content is not null)
        {
            await request.Content.LoadIntoBufferAsync(cancellationToken);
        }

        var context = _resilience.PrepareContext(request, cancellationToken);
        try
        {
            return await _resilience.Pipeline.ExecuteAsync(
                static (ctx, state) => state.Handler.SendAttemptAsync(state.Request, ctx),
                context,
                (Handler: this, Request: request));
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private async ValueTask<HttpResponseMessage> SendAttemptAsync(HttpRequestMessage request, ResilienceContext context)
    {
        string? group = null;
        if (_pacer is not null)
        {
            var path = request.RequestUri is null ? "" : request.RequestUri.IsAbsoluteUri ? request.RequestUri.AbsolutePath : request.RequestUri.OriginalString;
            group = await _pacer.AcquireAsync(request.Method, path, RequestDeadline.Get(request), context.CancellationToken);
        }

        var started = _timeProvider.GetTimestamp();
        var response = await _resilience.AttemptPipeline.ExecuteAsync(
            static (ctx, state) => new ValueTask<HttpResponseMessage>(state.Handler.SendOnceAsync(state.Request, ctx.CancellationToken)),
            context,
            (Handler: this, Request: request));
        if (group is not null)
        {
            await _pacer!.ObserveAsync(group, response, _timeProvider.GetElapsedTime(started), context.CancellationToken);
        }

        return response;
    }

    private Task<HttpResponseMessage> SendOnceAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        base.SendAsync(request, cancellationToken);
}
