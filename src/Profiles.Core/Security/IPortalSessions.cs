using System.Net;

namespace Profiles.Core.Security;

/// <summary>The user's signed-in portal sessions (table <c>portal_sessions</c>), listed on the devices page. Ending them is
/// <see cref="IPortalSessionRevocations"/>' job, which also removes their rows.</summary>
public interface IPortalSessions
{
    /// <summary>Records a sign-in (and drops the row of the session it replaces, and every expired row).</summary>
    Task StartAsync(PortalSessionStart start, CancellationToken cancellationToken);

    /// <summary>Notes that the session was used now from <paramref name="ipAddress"/>, until <paramref name="expiresAt"/>.
    /// Written at most once per <see cref="PortalSessions.SeenInterval"/> per session; otherwise answered from the cache, so a
    /// signed-in page view costs no database query.</summary>
    Task SeenAsync(string sessionId, IPAddress? ipAddress, DateTimeOffset expiresAt, CancellationToken cancellationToken);

    /// <summary>The user's sessions that have not expired, most recently seen first.</summary>
    Task<IReadOnlyList<ActivePortalSession>> ListAsync(string userId, CancellationToken cancellationToken);
}
