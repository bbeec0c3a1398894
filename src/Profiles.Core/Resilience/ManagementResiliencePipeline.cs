using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;
using Profiles.Core.Settings;

namespace Profiles.Core.Resilience;

/// <summary>The single retry layer of the Management API (design §3), shared by every client so that the circuit breaker sees
/// the whole tenant. Order, outermost first: request budget → retry → [pacer] → circuit breaker → attempt timeout. The pacer's
/// wait sits between the two pipelines so that queueing for a rate-limit token neither counts against the attempt timeout nor
/// reaches the breaker.</summary>
public sealed partial class ManagementResiliencePipeline
{
    private static readonly ResiliencePropertyKey<DateTimeOffset> DeadlineKey = new("Profiles.Deadline");
    private static readonly ResiliencePropertyKey<bool> IdempotentKey = new("Profiles.Idempotent");
    private static readonly ResiliencePropertyKey<string> MethodKey = new("Profiles.Method");
    private static readonly ResiliencePropertyKey<TimeSpan> NextDelayKey = new("Profiles.NextDelay");

    private readonly TimeProvider _timeProvider;
    private readonly ILogger<ManagementResiliencePipeline> _logger;
    private readonly Func<double> _jitter;
    private readonly TimeSpan _requestBudget;

    public ManagementResiliencePipeline(IOptions<ManagementApiOptions> options, TimeProvider timeProvider, ILogger<ManagementResiliencePipeline> logger)
        : this(options, timeProvider, logger, Random.Shared.NextDouble)
    {
    }

    internal ManagementResiliencePipeline(IOptions<ManagementApiOptions> options, TimeProvider timeProvider, ILogger<ManagementResiliencePipeline> logger, Func<double> jitter)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        _timeProvider = timeProvider;
        _logger = logger;
        _jitter = jitter;
        _requestBudget = settings.RequestBudget;
        Pipeline = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = timeProvider }
            .AddTimeout(new TimeoutStrategyOptions { Timeout = settings.RequestBudget })
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                // Polly needs at least one attempt here; ShouldHandle enforces MaxRetries, including 0.
                MaxRetryAttempts = Math.Max(settings.MaxRetries, 1),
                ShouldHandle = args => ValueTask.FromResult(args.AttemptNumber < settings.MaxRetries && ShouldRetry(args.Outcome, args.AttemptNumber, args.Context)),
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(args.Context.Properties.GetValue(NextDelayKey, TimeSpan.Zero)),
                OnRetry = args =>
                {
                    LogRetry(_logger, args.Context.Properties.GetValue(MethodKey, "?"), StatusOf(args.Outcome), args.AttemptNumber + 1, (long)args.RetryDelay.TotalMilliseconds);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
        AttemptPipeline = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = timeProvider }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                FailureRatio = settings.BreakerFailureRatio,
                MinimumThroughput = settings.BreakerMinimumThroughput,
                SamplingDuration = settings.BreakerSamplingDuration,
                BreakDuration = settings.BreakerBreakDuration,
                ShouldHandle = args => ValueTask.FromResult(IsServerFailure(args.Outcome)),
            })
            .AddTimeout(new TimeoutStrategyOptions { Timeout = settings.AttemptTimeout })
            .Build();
    }

    /// <summary>Request budget and retry; run it with a context from <see cref="PrepareContext"/>, and each attempt inside it
    /// through <see cref="AttemptPipeline"/>.</summary>
    public ResiliencePipeline<HttpResponseMessage> Pipeline { get; }

    /// <summary>Circuit breaker and attempt timeout around one attempt.</summary>
    public ResiliencePipeline<HttpResponseMessage> AttemptPipeline { get; }

    /// <summary>Rents a context (and marks the request) with the call's deadline and whether the request may be repeated after a server failure
    /// (see <see cref="RetryableRequest"/>). Return it to <see cref="ResilienceContextPool.Shared"/> afterwards.</summary>
    public ResilienceContext PrepareContext(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        var deadline = _timeProvider.GetUtcNow() + _requestBudget;
        context.Properties.Set(DeadlineKey, deadline);
        RequestDeadline.Set(request, deadline);
        context.Properties.Set(IdempotentKey, RetryableRequest.IsSafeToRepeat(request));
        context.Properties.Set(MethodKey, request.Method.Method);
        return context;
    }

    /// <summary>GET, HEAD, DELETE and PATCH (the portal's PATCHes set absolute values, so repeating one is harmless).
    /// POST never: it may send an email or create a link.</summary>
    public static bool IsIdempotent(HttpMethod method) =>
        method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Delete || method == HttpMethod.Patch
        || method == HttpMethod.Put || method == HttpMethod.Options;

    private bool ShouldRetry(Outcome<HttpResponseMessage> outcome, int attemptNumber, ResilienceContext context)
    {
        var idempotent = context.Properties.GetValue(IdempotentKey, false);
        var now = _timeProvider.GetUtcNow();
        TimeSpan? delay = null;
        if (outcome.Result is { } response)
        {
            // Headers are read here, before Polly disposes the response of a retried attempt.
            if (response.StatusCode == HttpStatusCode.TooManyRequests || (idempotent && IsServerFailure(outcome)))
            {
                delay = RateLimitDelay.Compute(response.Headers, now, _jitter()) ?? RateLimitDelay.Backoff(attemptNumber, _jitter());
            }
        }
        else if (idempotent && IsServerFailure(outcome))
        {
            delay = RateLimitDelay.Backoff(attemptNumber, _jitter());
        }

        if (delay is null)
        {
            return false;
        }

        var deadline = context.Properties.GetValue(DeadlineKey, DateTimeOffset.MaxValue);
        if (now + delay.Value > deadline)
        {
            LogBudgetExhausted(_logger, context.Properties.GetValue(MethodKey, "?"), StatusOf(outcome), (long)delay.Value.TotalMilliseconds);
            return false;
        }

        context.Properties.Set(NextDelayKey, delay.Value);
        return true;
    }

    private static bool IsServerFailure(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Result: { } response } => (int)response.StatusCode >= 500 && response.StatusCode != HttpStatusCode.NotImplemented
            || response.StatusCode == HttpStatusCode.RequestTimeout,
        { Exception: TimeoutRejectedException or HttpRequestException } => true,
        _ => false,
    };

    private static int StatusOf(Outcome<HttpResponseMessage> outcome) => outcome.Result is { } response ? (int)response.StatusCode : 0;

    [LoggerMessage(EventId = 1201, Level = LogLevel.Warning, Message = "Management API {Method} got {Status}; retry {Attempt} in {DelayMs} ms")]
    private static partial void LogRetry(ILogger logger, string method, int status, int attempt, long delayMs);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Warning, Message = "Management API {Method} got {Status}; a retry in {DelayMs} ms would exceed the request budget")]
    private static partial void LogBudgetExhausted(ILogger logger, string method, int status, long delayMs);
}
