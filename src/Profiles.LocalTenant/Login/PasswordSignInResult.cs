namespace Profiles.LocalTenant.Login;

/// <summary>The outcome of a password sign-in: the user id, wrong credentials, or blocked by brute-force protection.</summary>
/// <param name="AttemptedUserId">On a refusal, the existing account the attempt was against (for its log events); null when no
/// account has the email.</param>
public sealed record PasswordSignInResult(string? UserId, bool IsBlocked, string? AttemptedUserId = null)
{
    public static PasswordSignInResult WrongCredentials { get; } = new(null, false);

    public static PasswordSignInResult Blocked { get; } = new(null, true);

    public static PasswordSignInResult Succeeded(string userId) => new(userId, false);

    public static PasswordSignInResult WrongPasswordFor(string userId) => new(null, false, userId);

    public static PasswordSignInResult BlockedFor(string userId) => new(null, true, userId);
}
