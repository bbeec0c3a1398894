namespace Profiles.LocalTenant.Faults;

/// <summary>Body of <c>PUT /local/rate-limits</c>.</summary>
public sealed record RateLimitSettings(string Plan, bool? SendRetryAfter);
