namespace Profiles.Core.Management;

/// <summary>
/// Remembers how recent Management API attempts ended, for the readiness check: a portal whose every profile read fails is not
/// healthy even when a token can still be obtained. A failure is an answer that means Auth0 could not or would not serve the
/// portal (5xx, 429, 401, 403, no answer); a 404 or 400 is an answer about the request, not about Auth0. Only the last
/// <see cref="Window"/> is kept.
/// </summary>
public sealed class ManagementCallMonitor(TimeProvider timeProvider)
{
    /// <summary>How far back the readiness check looks.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(60);

    /// <summary>Fewest recent failures that make the portal degraded (one slow answer is not a pattern).</summary>
    public const int DegradedAfterFailures = 3;

    private readonly Queue<(long AtMs, bool Failed)> _recent = new();
    private readonly Lock _lock = new();

    /// <summary>Records one attempt's answer; <paramref name="statusCode"/> is null when none came.</summary>
    public void Record(int? statusCode)
    {
        var failed = statusCode is null or >= 500 or 429 or 401 or 403;
        var now = timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        lock (_lock)
        {
            _recent.Enqueue((now, failed));
            Trim(now);
        }
    }

    /// <summary>Failed and successful attempts within <see cref="Window"/>.</summary>
    public (int Failures, int Successes) Recent()
    {
        var now = timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        lock (_lock)
        {
            Trim(now);
            var failures = _recent.Count(c => c.Failed);
            return (failures, _recent.Count - failures);
        }
    }

    /// <summary>True when at least <see cref="DegradedAfterFailures"/> recent attempts failed and no more succeeded.</summary>
    public bool IsDegraded()
    {
        var (failures, successes) = Recent();
        return failures >= DegradedAfterFailures && failures >= successes;
    }

    private void Trim(long nowMs)
    {
        var oldest = nowMs - (long)Window.TotalMilliseconds;
        while (_recent.Count > 0 && (_recent.Peek().AtMs < oldest || _recent.Count > 10_000))
        {
            _recent.Dequeue();
        }
    }
}
