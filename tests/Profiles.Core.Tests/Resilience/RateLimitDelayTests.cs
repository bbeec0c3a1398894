using System.Globalization;
using System.Net;
using Profiles.Core.Resilience;

namespace Profiles.Core.Tests.Resilience;

public sealed class RateLimitDelayTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, 400, TimeSpan.Zero);

    public static TheoryData<string, string?, string?, double, double?> Cases => new()
    {
        // name, Retry-After, x-ratelimit-reset (seconds from Now, whole UNIX seconds), jitter, expected milliseconds (null = no header wait)
        { "retry-after seconds", "2", null, 0.0, 2000 + 150 },
        { "retry-after wins over reset", "1", "+10", 0.0, 1000 + 150 },
        { "retry-after http date", "date:+3", null, 0.0, 3000 + 150 },
        { "retry-after date in the past", "date:-30", null, 0.0, 150 },
        { "reset only", null, "+4", 0.0, 4000 + 150 },
        { "reset in the past", null, "-5", 0.0, 150 },
        { "full jitter", "2", null, 1.0, 2000 + 150 + 250 },
        { "half jitter", null, "+4", 0.5, 4000 + 150 + 125 },
        { "capped at 60 s", "600", null, 1.0, 60000 },
        { "missing headers", null, null, 0.5, null },
        { "unparsable reset", null, "abc", 0.5, null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Compute_follows_retry_after_then_reset(string name, string? retryAfter, string? reset, double jitter, double? expectedMs)
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        if (retryAfter is not null)
        {
            var value = retryAfter.StartsWith("date:", StringComparison.Ordinal)
                ? Now.AddSeconds(int.Parse(retryAfter[5..], CultureInfo.InvariantCulture)).ToString("R", CultureInfo.InvariantCulture)
                : retryAfter;
            response.Headers.TryAddWithoutValidation("Retry-After", value);
        }

        if (reset is not null)
        {
            var value = int.TryParse(reset, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var offset)
                ? Now.AddSeconds(offset).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)
                : reset;
            response.Headers.TryAddWithoutValidation("x-ratelimit-reset", value);
        }

        var delay = RateLimitDelay.Compute(response.Headers, Now, jitter);

        if (expectedMs is null)
        {
            Assert.Null(delay);
            return;
        }

        Assert.NotNull(delay);
        // Resets and HTTP dates have whole-second precision, so a wait measured from 400 ms into a second is up to 400 ms shorter.
        var wholeSeconds = (reset is not null && retryAfter is null) || (retryAfter?.StartsWith("date:", StringComparison.Ordinal) ?? false);
        var tolerance = wholeSeconds && !name.Contains("past", StringComparison.Ordinal) ? 401 : 1;
        Assert.InRange(delay.Value.TotalMilliseconds, expectedMs.Value - tolerance, expectedMs.Value + 1);
    }

    [Theory]
    [InlineData(0, 0.5, 500)]
    [InlineData(1, 0.5, 1000)]
    [InlineData(2, 0.5, 2000)]
    [InlineData(0, 0.0, 400)]
    [InlineData(0, 1.0, 600)]
    [InlineData(10, 0.5, 8000)]
    public void Backoff_is_exponential_with_spread_and_a_cap(int attempt, double jitter, double expectedMs) =>
        Assert.Equal(expectedMs, RateLimitDelay.Backoff(attempt, jitter).TotalMilliseconds, 3);

    [Fact]
    public void Missing_headers_fall_back_to_exponential_backoff_in_the_pipeline_rule()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        var delay = RateLimitDelay.Compute(response.Headers, Now, 0.5) ?? RateLimitDelay.Backoff(1, 0.5);
        Assert.Equal(TimeSpan.FromSeconds(1), delay);
    }
}
