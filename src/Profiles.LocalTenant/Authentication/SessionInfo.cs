namespace Profiles.LocalTenant.Authentication;

/// <summary>A snapshot of the browser's live tenant session.</summary>
public sealed record SessionInfo(string Id, string UserId, DateTimeOffset AuthenticatedAt);
