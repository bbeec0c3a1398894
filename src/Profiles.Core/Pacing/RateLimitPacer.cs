using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Profiles.Core.Resilience;
using Profiles.Core.Settings;
using Profiles.Core.Telemetry;

namespace Profiles.Core.Pacing;

/// <summary>Client-side pacing of Management API calls: one token bucket per Auth0 bucket group, mirrored from the plan and
/// corrected from every response's <c>x-ratelimit-*</c> headers, so a burst of saves waits briefly in a fair queue instead of
/// collecting 429s. Singleton; the state itself lives in the <see cref="IRateLimitCoordinator"/>.</summary>
public sealed partial class RateLimitPacer
{
    private readonly ConcurrentDictionary<string, PacedGroup> _groups = new(StringComparer.Ordinal);
    private readonly IRateLimitCoordinator _coordinator;
    private readonly TimeProvider _timeProvider;
    private readonly PacingOptions _options;
    private readonly ILogger<RateLimitPacer> _logger;
    private readonly ManagementMetrics? _metrics;

    public RateLimitPacer(IRateLimitCoordinator coordinator, TimeProvider timeProvider, IOptions<ManagementApiOptions> options, ILogger<RateLimitPacer> logger,
        ManagementMetrics? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _coordinator = coordinator;
        _timeProvider = timeProvider;
        _options = options.Value.Pacing;
        _logger = logger;
        _metrics = metrics;
        metrics?.ObservePacerQueues(ObserveQueues);
    }

    /// <summary>Waits until the request may be sent. Returns its bucket group (null when pacing is off), to pass to
    /// <see cref="ObserveAsync"/> with the answer. Throws <see cref="Management.ManagementApiException"/> (429) when no token
    /// can come before min(now + admission deadline, request deadline − attempt reserve).</summary>
    public async ValueTask<string?> AcquireAsync(HttpMethod method, string relativePath, DateTimeOffset? requestDeadline, CancellationToken cancellationToken)
    {
        var classified = PacingPlans.Classify(_options.Plan, method, relativePath);
        if (classified is not { } match)
        {
            return null;
        }

        var group = _groups.GetOrAdd(match.Group, name => new PacedGroup(name, match.Profile, _coordinator, _timeProvider, _options, _logger));
        var deadline = _timeProvider.GetUtcNow() + _options.AdmissionDeadline;
        if (requestDeadline is { } budgetEnd && budgetEnd - _options.AttemptReserve < deadline)
        {
            deadline = budgetEnd - _options.AttemptReserve;
        }

        var started = _timeProvider.GetTimestamp();
        await group.AcquireAsync(PacingPlans.UserKey(relativePath), deadline, cancellationToken);
        _metrics?.RecordPacerWait(match.Group, _timeProvider.GetElapsedTime(started));
        return match.Group;
    }

    /// <summary>Learns from an answer: <c>x-ratelimit-limit</c> resizes the bucket, <c>x-ratelimit-remaining</c> caps our token
    /// count when the tenant has clearly fewer (and, after a token was taken from a full bucket, moves the refill phase to this
    /// answer: the tenant's refill restarted only when that request arrived; in Redis it also marks the token as landed), and a
    /// 429 pauses the group (for every instance sharing the coordinator) until <c>Retry-After</c>, else <c>x-ratelimit-reset</c>.
    /// </summary>
    public async ValueTask ObserveAsync(string group, HttpResponseMessage response, TimeSpan elapsed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (!_groups.TryGetValue(group, out var paced))
        {
            return;
        }

        var headers = response.Headers;
        var profile = paced.Profile;
        if (RateLimitDelay.ReadLong(headers, "x-ratelimit-limit") is { } limit && limit != profile.Burst)
        {
            profile = PacingPlans.ForLimit(limit, profile);
            paced.Learn(profile);
            LogLearned(_logger, group, profile.Burst, profile.RatePerSecond);
        }

        var now = _timeProvider.GetUtcNow();
        var remaining = RateLimitDelay.ReadLong(headers, "x-ratelimit-remaining");
        if (paced.TakeFirstAnswer() && (remaining is null || response.StatusCode == HttpStatusCode.TooManyRequests))
        {
            // Without a count to cap with (or before the pause), anchor a fresh bucket's phase here; the cap below does it otherwise.
            await _coordinator.AnchorAsync(group, profile, now, cancellationToken);
        }

        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            var until = PauseUntil(headers, now, profile);
            LogPaused(_logger, group, (long)(until - now).TotalMilliseconds);
            await _coordinator.PauseAsync(group, profile, until, cancellationToken);
            return;
        }

        if (remaining is { } left)
        {
            // The tenant counted `remaining` when it answered; since then at most the refill of the elapsed time (at least one
            // refill step for per-minute buckets) can have been added. More than that on our side means someone else spends too.
            var refill = profile.RatePerSecond * Math.Max(elapsed.TotalSeconds, profile.RefillsEverySecond ? 1 : 0);
            await _coordinator.CapAsync(group, profile, left + 1 + refill, now - elapsed, cancellationToken);
        }
    }

    private IEnumerable<Measurement<int>> ObserveQueues() =>
        _groups.Select(pair => new Measurement<int>(pair.Value.Waiting, new KeyValuePair<string, object?>("group", pair.Key)));

    private static DateTimeOffset PauseUntil(HttpResponseHeaders headers, DateTimeOffset now, BucketProfile profile)
    {
        var wait = RateLimitDelay.HeaderWait(headers, now);
        // Without headers, assume the next token comes after one refill step.
        return now + (wait ?? profile.OneTokenLead);
    }

    [LoggerMessage(EventId = 1303, Level = LogLevel.Information, Message = "Pacer learned bucket {Group}: {Burst} burst, {Rate} per s")]
    private static partial void LogLearned(ILogger logger, string group, int burst, double rate);

    [LoggerMessage(EventId = 1304, Level = LogLevel.Warning, Message = "Management API answered 429 in bucket {Group}; pausing it for {PauseMs} ms")]
    private static partial void LogPaused(ILogger logger, string group, long pauseMs);
}
