namespace Profiles.Core.Telemetry;

/// <summary>Values of the <c>reason</c> tag of <see cref="ManagementMetrics.RetriesName"/>.</summary>
public static class RetryReasons
{
    /// <summary>The tenant answered 429.</summary>
    public const string RateLimited = "rate_limited";

    /// <summary>A 5xx or 408 answer to a request that is safe to repeat.</summary>
    public const string ServerError = "server_error";

    /// <summary>The attempt timed out.</summary>
    public const string Timeout = "timeout";

    /// <summary>The connection failed or dropped.</summary>
    public const string Network = "network";
}
