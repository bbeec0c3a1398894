namespace Profiles.LocalTenant.RateLimiting;

/// <summary>The answer for one request: allowed or not, and the <c>x-ratelimit-*</c> values to send.</summary>
public sealed record RateLimitDecision(bool Allowed, int Limit, int Remaining, long ResetUnixSeconds, TimeSpan RetryAfter, string BucketName);
