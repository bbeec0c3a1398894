namespace Profiles.Core.Resilience;

/// <summary>Carries the logical call's deadline (start + request budget) on each attempt's request, so inner handlers such as
/// the pacer never wait past it.</summary>
public static class RequestDeadline
{
    public static readonly HttpRequestOptionsKey<DateTimeOffset> Key = new("Profiles.Deadline");

    public static void Set(HttpRequestMessage request, DateTimeOffset deadline)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Options.Set(Key, deadline);
    }

    /// <summary>The deadline, or null when the request did not come through the resilience handler.</summary>
    public static DateTimeOffset? Get(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Options.TryGetValue(Key, out var deadline) ? deadline : null;
    }
}
