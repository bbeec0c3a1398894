namespace Profiles.Core.Authenticators;

/// <summary>Who is looking: the signed-in user, and the sign-in (Auth0 session, else portal session) their My Account token
/// and enrolment in progress belong to.</summary>
public sealed record AuthenticatorViewer(string UserId, string? SessionId);
