using System.ComponentModel;

namespace Profiles.Core.Security;

/// <summary>A user's row of <c>session_revocations</c>: sessions that began at or before <see cref="RevokedBeforeMs"/> have
/// ended, except <see cref="KeepSessionId"/>. <see cref="None"/> when the user never revoked anything.</summary>
[ImmutableObject(true)]
public sealed record SessionCutoff(long RevokedBeforeMs, string? KeepSessionId)
{
    public static SessionCutoff None { get; } = new(long.MinValue, null);

    /// <summary>Whether a session that began at <paramref name="signedInAt"/> with id <paramref name="sessionId"/> is cut off.</summary>
    public bool Ends(string? sessionId, DateTimeOffset signedInAt) =>
        signedInAt.ToUnixTimeMilliseconds() <= RevokedBeforeMs
        && (sessionId is null || !string.Equals(sessionId, KeepSessionId, StringComparison.Ordinal));
}
