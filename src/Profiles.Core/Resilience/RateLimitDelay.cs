using System.Globalization;
using System.Net.Http.Headers;

namespace Profiles.Core.Resilience;

/// <summary>Pure delay rules for retrying Auth0 calls (no clock, no randomness of its own).</summary>
public static class RateLimitDelay
{
    /// <summary>Added to every header-derived wait: retries sent a few milliseconds before the reset instant are rejected
    /// again (dotnet/extensions#7001), and Auth0 refills at whole-second boundaries.</summary>
    public static readonly TimeSpan Pad = TimeSpan.FromMilliseconds(150);

    /// <summary>Largest random spread added to header-derived waits, so callers rejected together do not retry together.</summary>
    public static readonly TimeSpan MaxJitter = TimeSpan.FromMilliseconds(250);

    /// <summary>Upper bound of any computed delay (Polly's <c>MaxDelay</c> does not cap a <c>DelayGenerator</c>).</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(60);

    /// <summary>First exponential backoff step for 5xx, timeouts and 429s without headers.</summary>
    public static readonly TimeSpan BackoffBase = TimeSpan.FromMilliseconds(500);

    /// <summary>Largest exponential backoff step.</summary>
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(8);

    /// <summary>The wait a 429 asks for: <c>Retry-After</c> (seconds or HTTP date), else <c>x-ratelimit-reset</c> (UNIX seconds)
    /// minus <paramref name="now"/>; plus <see cref="Pad"/> and <paramref name="jitter01"/> × <see cref="MaxJitter"/>, capped at
    /// <see cref="MaxDelay"/>. Null when neither header is usable (use <see cref="Backoff"/> then).</summary>
    public static TimeSpan? Compute(HttpResponseHeaders headers, DateTimeOffset now, double jitter01)
    {
        var wait = HeaderWait(headers, now);
        if (wait is null)
        {
            return null;
        }

        var jitter = TimeSpan.FromTicks((long)(MaxJitter.Ticks * Math.Clamp(jitter01, 0, 1)));
        return Min(wait.Value + Pad + jitter, MaxDelay);
    }

    /// <summary>Exponential backoff for retry <paramref name="attempt"/> (0 = first retry): <see cref="BackoffBase"/> × 2^attempt,
    /// spread ±20 % by <paramref name="jitter01"/>, capped at <see cref="MaxBackoff"/>.</summary>
    public static TimeSpan Backoff(int attempt, double jitter01)
    {
        var exponent = Math.Clamp(attempt, 0, 16);
        var factor = 0.8 + (0.4 * Math.Clamp(jitter01, 0, 1));
        var ticks = BackoffBase.Ticks * Math.Pow(2, exponent) * factor;
        return ticks >= MaxBackoff.Ticks ? MaxBackoff : TimeSpan.FromTicks((long)ticks);
    }

    /// <summary>The unpadded wait from the headers, never negative; null when neither header is usable.</summary>
    public static TimeSpan? HeaderWait(HttpResponseHeaders headers, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var retryAfter = headers.RetryAfter;
        if (retryAfter?.Delta is { } delta)
        {
            return NonNegative(delta);
        }

        if (retryAfter?.Date is { } date)
        {
            return NonNegative(date - now);
        }

        if (ReadReset(headers) is { } reset)
        {
            return NonNegative(reset - now);
        }

        return null;
    }

    /// <summary>Reads <c>x-ratelimit-reset</c> as UNIX seconds.</summary>
    public static DateTimeOffset? ReadReset(HttpResponseHeaders headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var seconds = ReadLong(headers, "x-ratelimit-reset");
        return seconds is >= 0 and < 253402300800 ? DateTimeOffset.FromUnixTimeSeconds(seconds.Value) : null;
    }

    /// <summary>Reads a numeric header.</summary>
    public static long? ReadLong(HttpResponseHeaders headers, string name)
    {
        ArgumentNullException.ThrowIfNull(headers);
        return headers.TryGetValues(name, out var values)
            && long.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : null;
    }

    private static TimeSpan NonNegative(TimeSpan value) => value < TimeSpan.Zero ? TimeSpan.Zero : value;

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
