namespace Profiles.Core.Telemetry;

/// <summary>The fixed endpoint groups Management API calls are counted under; a path's ids never become a tag.</summary>
public static class ManagementEndpointGroups
{
    public const string Users = "users";
    public const string UsersByEmail = "users_by_email";
    public const string Jobs = "jobs";
    public const string Tickets = "tickets";
    public const string Sessions = "sessions";
    public const string Grants = "grants";
    public const string Token = "token";
    public const string Other = "other";

    /// <summary>The group of a Management API path (absolute, or relative to <c>/api/v2/</c>), by its first segment;
    /// <c>/oauth/token</c> (the client-credentials token) is <see cref="Token"/>.</summary>
    public static string Of(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var marker = path.IndexOf("/api/v2/", StringComparison.Ordinal);
        var rest = (marker >= 0 ? path[(marker + "/api/v2/".Length)..] : path).TrimStart('/');
        var end = rest.IndexOfAny(['/', '?']);
        var first = end < 0 ? rest : rest[..end];
        return first switch
        {
            "users" => Users,
            "users-by-email" => UsersByEmail,
            "jobs" => Jobs,
            "tickets" => Tickets,
            "sessions" => Sessions,
            "grants" => Grants,
            "oauth" => Token,
            _ => Other,
        };
    }
}
