namespace Profiles.LocalTenant.Authentication;

/// <summary>A pending sign-in: the login forms only carry its <see cref="Id"/>. <see cref="Challenge"/> is set once the first factor
/// passed and the user must still give a second one.</summary>
public sealed record LoginTransaction(string Id, AuthorizationRequest Request, DateTimeOffset ExpiresAt, SecondFactorChallenge? Challenge = null);
