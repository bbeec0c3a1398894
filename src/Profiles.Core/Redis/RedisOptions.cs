namespace Profiles.Core.Redis;

/// <summary>Redis, section <c>Redis</c>. Empty <see cref="Configuration"/> (the default) keeps every cache in this process.</summary>
public sealed class RedisOptions
{
    public const string SectionName = "Redis";

    /// <summary>A StackExchange.Redis configuration string, e.g. <c>redis.internal:6379,password=…,ssl=true</c>.</summary>
    public string? Configuration { get; set; }

    /// <summary>Prefix of every key the portal writes, so several deployments can share one Redis.</summary>
    public string InstanceName { get; set; } = "profiles:";

    public bool IsEnabled => !string.IsNullOrWhiteSpace(Configuration);
}
