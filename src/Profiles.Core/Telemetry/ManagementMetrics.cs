using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Profiles.Core.Telemetry;

/// <summary>The portal's instruments for its Management API traffic: calls by endpoint group and status, 429s received,
/// retries by reason, the pacer's queue and waits, and the circuit breaker's state. Tags are fixed, small sets of values:
/// never a user id, an email or a path with an id in it.</summary>
public sealed class ManagementMetrics
{
    public const string CallsName = "profiles.management.calls";
    public const string RateLimitedName = "profiles.management.rate_limited";
    public const string RetriesName = "profiles.management.retries";
    public const string BreakerStateName = "profiles.management.breaker_state";
    public const string PacerQueueLengthName = "profiles.pacer.queue_length";
    public const string PacerWaitTimeName = "profiles.pacer.wait_time";

    private readonly Counter<long> _calls;
    private readonly Counter<long> _rateLimited;
    private readonly Counter<long> _retries;
    private readonly Histogram<double> _pacerWait;
    private Func<IEnumerable<Measurement<int>>> _pacerQueues = static () => [];
    private int _breakerState;

    public ManagementMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(PortalTelemetry.MeterName);
        _calls = meter.CreateCounter<long>(CallsName, "{call}",
            "Management API requests sent to Auth0, every attempt counted, by endpoint group, method and status code (0: no answer).");
        _rateLimited = meter.CreateCounter<long>(RateLimitedName, "{response}", "429 answers received from the Management API.");
        _retries = meter.CreateCounter<long>(RetriesName, "{retry}", "Management API attempts repeated by the retry strategy, by reason.");
        _pacerWait = meter.CreateHistogram<double>(PacerWaitTimeName, "s", "Time a Management API attempt waited for the pacer's token.");
        meter.CreateObservableGauge(PacerQueueLengthName, () => Volatile.Read(ref _pacerQueues)(), "{request}",
            "Management API attempts waiting in the pacer's queue, by bucket group.");
        meter.CreateObservableGauge(BreakerStateName, () => Volatile.Read(ref _breakerState), "{state}",
            "Management API circuit breaker: 0 closed, 1 open, 2 half-open.");
    }

    /// <summary>One attempt that was sent. <paramref name="statusCode"/> is null when no answer came (timeout, network error);
    /// <paramref name="errorType"/> then says which.</summary>
    public void RecordCall(string endpointGroup, HttpMethod method, int? statusCode, string? errorType = null)
    {
        ArgumentNullException.ThrowIfNull(method);
        var tags = new TagList
        {
            { "endpoint_group", endpointGroup },
            { "method", method.Method },
            { "status_code", statusCode ?? 0 },
        };
        if (errorType is not null)
        {
            tags.Add("error_type", errorType);
        }

        _calls.Add(1, tags);
        if (statusCode == 429)
        {
            _rateLimited.Add(1, new KeyValuePair<string, object?>("endpoint_group", endpointGroup));
        }
    }

    /// <summary>A retry the retry strategy scheduled; <paramref name="reason"/> is one of <see cref="RetryReasons"/>.</summary>
    public void RecordRetry(string reason) => _retries.Add(1, new KeyValuePair<string, object?>("reason", reason));

    /// <summary>How long an admitted attempt waited for a token of bucket <paramref name="group"/>.</summary>
    public void RecordPacerWait(string group, TimeSpan wait) =>
        _pacerWait.Record(Math.Max(0, wait.TotalSeconds), new KeyValuePair<string, object?>("group", group));

    /// <summary>Where the queue-length gauge reads from (the pacer registers itself once).</summary>
    public void ObservePacerQueues(Func<IEnumerable<Measurement<int>>> observe)
    {
        ArgumentNullException.ThrowIfNull(observe);
        Volatile.Write(ref _pacerQueues, observe);
    }

    /// <summary>The breaker's new state: <see cref="BreakerStates"/>.</summary>
    public void RecordBreakerState(int state) => Volatile.Write(ref _breakerState, state);
}
