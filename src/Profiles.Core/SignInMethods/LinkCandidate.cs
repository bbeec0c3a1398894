namespace Profiles.Core.SignInMethods;

/// <summary>The second account the user just signed in with, from its validated ID token, waiting for confirmation.</summary>
/// <param name="InitiatorUserId">The portal user who started the link (must still be the one signed in).</param>
/// <param name="UserId">The second account's <c>sub</c>.</param>
/// <param name="Connection">The connection the user chose to link.</param>
/// <param name="AuthenticatedAt">The second account's <c>auth_time</c>.</param>
public sealed record LinkCandidate(string InitiatorUserId, string UserId, string? Email, bool EmailVerified, string Connection, DateTimeOffset AuthenticatedAt);
