using Profiles.LocalTenant.Data;

namespace Profiles.LocalTenant.Management;

/// <summary>Ends tenant sessions for the Management API: at once, or, while deletes are delayed, marked ended (no longer
/// signing anyone in) and dropped from lists after the delay, as Auth0's eventually consistent deletes look to a caller.</summary>
internal static class SessionEnding
{
    /// <summary>Ends <paramref name="session"/>; with <paramref name="revokeRefreshTokens"/>, its refresh tokens too (revoke).</summary>
    public static void End(TenantWriter writer, TenantSession session, bool revokeRefreshTokens, SessionsFeature feature, DateTimeOffset now)
    {
        if (revokeRefreshTokens)
        {
            foreach (var token in writer.All<TenantRefreshToken>().Where(t => t.SessionId == session.Id).ToList())
            {
                writer.Remove<TenantRefreshToken>(token.Key);
            }
        }

        if (feature.DeleteDelay <= TimeSpan.Zero)
        {
            writer.Remove<TenantSession>(session.Key);
        }
        else if (session.EndedAt is null)
        {
            session.EndedAt = now;
            writer.Save(session);
        }
    }

    /// <summary>Whether a session still shows in answers: live, or ended less than the delay ago.</summary>
    public static bool Lists(TenantSession session, SessionsFeature feature, DateTimeOffset now)
        => session.EndedAt is not { } ended || now - ended < feature.DeleteDelay;
}
