namespace Profiles.LocalTenant.Authentication;

/// <summary>What the Authentication API tells developers about sign-ins. Never emails, passwords or tokens.</summary>
public static partial class AuthenticationLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "User {UserId} signed in with {Connection} for client {ClientId}")]
    public static partial void SignedIn(ILogger logger, string userId, string connection, string clientId);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Sign-in with {Connection} for client {ClientId} failed: wrong email or password")]
    public static partial void WrongCredentials(ILogger logger, string connection, string clientId);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "Blocked user {UserId} was refused for client {ClientId}")]
    public static partial void BlockedUserRefused(ILogger logger, string userId, string clientId);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Warning, Message = "Sign-in with {Connection} for client {ClientId} refused: blocked by brute-force protection")]
    public static partial void BruteForceBlocked(ILogger logger, string connection, string clientId);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Information, Message = "Token request ({GrantType}) refused with {Error}: {Description}")]
    public static partial void TokenRefused(ILogger logger, string grantType, string error, string description);
}
