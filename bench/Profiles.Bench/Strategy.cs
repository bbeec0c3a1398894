namespace Profiles.Bench;

/// <summary>The retry strategies compared.</summary>
public enum Strategy
{
    /// <summary>The portal's pipeline: one retry layer (Retry-After, else x-ratelimit-reset, within the budget) and the pacer.</summary>
    Ours,

    /// <summary>One attempt, no retry.</summary>
    NoRetry,

    /// <summary>Microsoft.Extensions.Http.Resilience's standard handler defaults: 3 retries, exponential 2 s with jitter, only
    /// Retry-After honoured, a breaker that counts 429s.</summary>
    Standard,

    /// <summary>Auth0's SDK strategy: 2 retries on 429, Retry-After else x-ratelimit-reset plus 0–20 % jitter, capped at 60 s.</summary>
    Auth0Sdk,
}
