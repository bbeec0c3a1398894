namespace Profiles.LocalTenant.Faults;

/// <summary>One API request the tenant received: method, decoded path and answer status.</summary>
public sealed record LoggedRequest(string Method, string Path, int StatusCode, DateTimeOffset At);
