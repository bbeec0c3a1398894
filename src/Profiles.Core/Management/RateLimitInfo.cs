namespace Profiles.Core.Management;

/// <summary>What Auth0's rate-limit headers said about a response.</summary>
/// <param name="Limit"><c>x-ratelimit-limit</c>: the bucket size.</param>
/// <param name="Remaining"><c>x-ratelimit-remaining</c>: requests left in the bucket.</param>
/// <param name="Reset"><c>x-ratelimit-reset</c>: when requests are added again (sent as UNIX seconds).</param>
/// <param name="RetryAfter">How long to wait before trying again: <c>Retry-After</c>, else the time until
/// <see cref="Reset"/> (with a small pad); null when neither header was sent.</param>
public sealed record RateLimitInfo(long? Limit, long? Remaining, DateTimeOffset? Reset, TimeSpan? RetryAfter);
