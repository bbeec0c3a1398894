using System.Net.Http.Headers;
using Profiles.Core.Resilience;

namespace Profiles.Core.Management;

/// <summary>Builds a <see cref="RateLimitInfo"/> from response headers.</summary>
internal static class RateLimitInfoReader
{
    public static RateLimitInfo? Read(HttpResponseHeaders headers, DateTimeOffset now, bool always)
    {
        var limit = RateLimitDelay.ReadLong(headers, "x-ratelimit-limit");
        var remaining = RateLimitDelay.ReadLong(headers, "x-ratelimit-remaining");
        var reset = RateLimitDelay.ReadReset(headers);
        var wait = RateLimitDelay.HeaderWait(headers, now);
        if (!always && limit is null && remaining is null && reset is null && wait is null)
        {
            return null;
        }

        return new RateLimitInfo(limit, remaining, reset, wait is null ? null : wait.Value + RateLimitDelay.Pad);
    }
}
