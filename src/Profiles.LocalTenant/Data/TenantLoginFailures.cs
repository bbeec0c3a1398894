namespace Profiles.LocalTenant.Data;

/// <summary>Failed password sign-ins of one user from one IP address (brute-force protection's counter), and the block
/// they led to. Keyed by user and IP, as Auth0's "Block Brute-force Logins" mode counts them.</summary>
public sealed class TenantLoginFailures : TenantDocument
{
    public override string Key => KeyOf(UserId, Ip);

    public required string UserId { get; set; }
    public required string Ip { get; set; }

    /// <summary>The identifier typed at the login (the email address), shown in <c>blocked_for[].identifier</c>.</summary>
    public required string Identifier { get; set; }

    public required string Connection { get; set; }
    public int Count { get; set; }
    public DateTimeOffset LastFailureAt { get; set; }

    /// <summary>When the threshold was reached; null while the user is not blocked from this IP.</summary>
    public DateTimeOffset? BlockedAt { get; set; }

    public static string KeyOf(string userId, string ip) => userId + " " + ip;
}
