namespace Profiles.LocalTenant.Authentication;

/// <summary>A pending sign-in: the login forms only carry its <see cref="Id"/>.</summary>
public sealed record LoginTransaction(string Id, AuthorizationRequest Request, DateTimeOffset ExpiresAt);
