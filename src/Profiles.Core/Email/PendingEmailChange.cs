namespace Profiles.Core.Email;

/// <summary>An email change waiting for its code, as the user may see it (never the code or its hash).</summary>
public sealed record PendingEmailChange(string NewEmail, DateTimeOffset ExpiresAt, int AttemptsLeft);
