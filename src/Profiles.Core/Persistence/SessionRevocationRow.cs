namespace Profiles.Core.Persistence;

/// <summary>Table <c>session_revocations</c>: portal sessions of this user that began before <see cref="RevokedBeforeMs"/>
/// are ended on their next request, except the one named by <see cref="KeepSessionId"/> (the session that made the change).</summary>
public sealed class SessionRevocationRow
{
    public string UserKey { get; set; } = "";

    public long RevokedBeforeMs { get; set; }

    public string? KeepSessionId { get; set; }
}
