using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;
using Profiles.Core.Pacing;
using Profiles.Core.Settings;
using Profiles.Core.Telemetry;

namespace Profiles.Core.Resilience;

/// <summary>The single retry layer of the Management API: the strategies the portal's <c>AddResilienceHandler</c> pipeline is
/// built from. Order, outermost first: request budget → retry → pacer → circuit breaker → attempt timeout. The pacer's wait sits
/// inside the retry (every attempt takes a token) and outside the breaker and the attempt timeout (queueing for a token is not
/// a failure). One instance per service provider, so the one pipeline every Management client shares sees the whole tenant.</summary>
public sealed partial class ManagementResiliencePipeline
{
    /// <summary>Name of the pipeline given to <c>AddResilienceHandler</c> (Polly's telemetry reports it).</summary>
    public const string PipelineName = "management";

    private static readonly ResiliencePropertyKey<TimeSpan> NextDelayKey = new("Profiles.NextDelay");

    private readonly ManagementApiOptions _settings;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<ManagementResiliencePipeline> _logger;
    private readonly RateLimitPacer? _pacer;
    private readonly ManagementMetrics? _metrics;
    private readonly Func<double> _jitter;

    public ManagementResiliencePipeline(IOptions<ManagementApiOptions> options, TimeProvider timeProvider, ILogger<ManagementResiliencePipeline> logger,
        RateLimitPacer? pacer = null, ManagementMetrics? metrics = null)
        : this(options, timeProvider, logger, Random.Shared.NextDouble, pacer, metrics)
    {
    }

    internal ManagementResiliencePipeline(IOptions<ManagementApiOptions> options, TimeProvider timeProvider, ILogger<ManagementResiliencePipeline> logger,
        Func<double> jitter, RateLimitPacer? pacer = null, ManagementMetrics? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _settings = options.Value;
        _timeProvider = timeProvider;
        _logger = logger;
        _jitter = jitter;
        _pacer = pacer;
        _metrics = metrics;
    }

    /// <summary>Adds the strategies to <paramref name="builder"/> (the one <c>AddResilienceHandler</c> hands over), on this
    /// instance's <see cref="TimeProvider"/>.</summary>
    public void AddTo(ResiliencePipelineBuilder<HttpResponseMessage> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var settings = _settings;
        builder.TimeProvider = _timeProvider;
        builder
            .AddStrategy(_ => new RequestBudgetStrategy(_timeProvider, settings.RequestBudget), new PortalStrategyOptions("RequestDeadline"))
            .AddTimeout(new TimeoutStrategyOptions { Name = "RequestBudget", Timeout = settings.RequestBudget })
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                Name = "Retry",
                // Polly needs at least one attempt here; ShouldHandle enforces MaxRetries, including 0.
                MaxRetryAttempts = Math.Max(settings.MaxRetries, 1),
                ShouldHandle = args => ValueTask.FromResult(args.AttemptNumber < settings.MaxRetries && ShouldRetry(args.Outcome, args.AttemptNumber, args.Context)),
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(args.Context.Properties.GetValue(NextDelayKey, TimeSpan.Zero)),
                OnRetry = args =>
                {
                    LogRetry(_logger, MethodOf(args.Context), StatusOf(args.Outcome), args.AttemptNumber + 1, (long)args.RetryDelay.TotalMilliseconds);
                    _metrics?.RecordRetry(ReasonOf(args.Outcome));
                    return ValueTask.CompletedTask;
                },
            });
        if (_pacer is not null)
        {
            var pacer = _pacer;
            builder.AddStrategy(_ => new PacingStrategy(pacer, _timeProvider), new PortalStrategyOptions("Pacer"));
        }

        builder
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                Name = "Breaker",
                FailureRatio = settings.BreakerFailureRatio,
                MinimumThroughput = settings.BreakerMinimumThroughput,
                SamplingDuration = settings.BreakerSamplingDuration,
                BreakDuration = settings.BreakerBreakDuration,
                ShouldHandle = args => ValueTask.FromResult(IsServerFailure(args.Outcome)),
                OnOpened = _ => RecordBreaker(BreakerStates.Open),
                OnHalfOpened = _ => RecordBreaker(BreakerStates.HalfOpen),
                OnClosed = _ => RecordBreaker(BreakerStates.Closed),
            })
            .AddTimeout(new TimeoutStrategyOptions { Name = "AttemptTimeout", Timeout = settings.AttemptTimeout });
    }

    /// <summary>A pipeline of these strategies for a <c>ResilienceHandler</c> built by hand (tests, the benchmark's baselines).</summary>
    public ResiliencePipeline<HttpResponseMessage> Build()
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>();
        AddTo(builder);
        return builder.Build();
    }

    /// <summary>GET, HEAD, DELETE and PATCH (the portal's PATCHes set absolute values, so repeating one is harmless).
    /// POST never: it may send an email or create a link.</summary>
    public static bool IsIdempotent(HttpMethod method) =>
        method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Delete || method == HttpMethod.Patch
        || method == HttpMethod.Put || method == HttpMethod.Options;

    private bool ShouldRetry(Outcome<HttpResponseMessage> outcome, int attemptNumber, ResilienceContext context)
    {
        var request = context.GetRequestMessage();
        var idempotent = request is not null && RetryableRequest.IsSafeToRepeat(request);
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

        var deadline = (request is null ? null : RequestDeadline.Get(request)) ?? DateTimeOffset.MaxValue;
        if (now + delay.Value > deadline)
        {
            LogBudgetExhausted(_logger, MethodOf(context), StatusOf(outcome), (long)delay.Value.TotalMilliseconds);
            return false;
        }

        context.Properties.Set(NextDelayKey, delay.Value);
        return true;
    }

    private ValueTask RecordBreaker(int state)
    {
        _metrics?.RecordBreakerState(state);
        return ValueTask.CompletedTask;
    }

    private static bool IsServerFailure(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Result: { } response } => (int)response.StatusCode >= 500 && response.StatusCode != HttpStatusCode.NotImplemented
            || response.StatusCode == HttpStatusCode.RequestTimeout,
        { Exception: TimeoutRejectedException or HttpRequestException } => true,
        _ => false,
    };

    private static string ReasonOf(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Result.StatusCode: HttpStatusCode.TooManyRequests } => RetryReasons.RateLimited,
        { Result: not null } => RetryReasons.ServerError,
        { Exception: TimeoutRejectedException } => RetryReasons.Timeout,
        _ => RetryReasons.Network,
    };

    private static string MethodOf(ResilienceContext context) => context.GetRequestMessage()?.Method.Method ?? "?";

    private static int StatusOf(Outcome<HttpResponseMessage> outcome) => outcome.Result is { } response ? (int)response.StatusCode : 0;

    [LoggerMessage(EventId = 1201, Level = LogLevel.Warning, Message = "Management API {Method} got {Status}; retry {Attempt} in {DelayMs} ms")]
    private static partial void LogRetry(ILogger logger, string method, int status, int attempt, long delayMs);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Warning, Message = "Management API {Method} got {Status}; a retry in {DelayMs} ms would exceed the request budget")]
    private static partial void LogBudgetExhausted(ILogger logger, string method, int status, long delayMs);
}
