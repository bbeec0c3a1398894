using Profiles.Core.Management.Models;
using Profiles.Core.Security;

namespace Profiles.Core.Devices;

/// <summary>
/// Puts Auth0's sessions and the portal's own on one list: a portal session whose Auth0 session (<c>sid</c>) is listed is
/// shown on that session's row (its latest use and address when more recent); a portal session Auth0 does not list (or every
/// portal session, when Auth0's cannot be read) is a row of its own, which the page signs out by its portal session id.
/// </summary>
public static class DeviceSessionMerge
{
    /// <summary>The row of an Auth0 session, with the portal session riding on it if any.</summary>
    public static DeviceSession Describe(Session session, DeviceViewer viewer, bool ending, IReadOnlyList<DeviceApplication> applications,
        ActivePortalSession? portal)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(viewer);
        var methods = (session.Authentication?.Methods ?? [])
            .Select(m => m.Name)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var device = session.Device;
        var auth0LastActive = session.LastInteractedAt ?? session.UpdatedAt;
        var portalIsLater = portal is not null && (auth0LastActive is null || portal.LastSeenAt > auth0LastActive);
        var auth0LastIp = device?.LastIp ?? device?.InitialIp;
        return new DeviceSession(
            session.Id,
            string.Equals(session.Id, viewer.Auth0SessionId, StringComparison.Ordinal),
            UserAgentParser.Parse(device?.LastUserAgent ?? device?.InitialUserAgent),
            device?.InitialIp ?? portal?.FirstIp,
            portalIsLater ? portal!.LastIp ?? auth0LastIp : auth0LastIp ?? portal?.LastIp,
            session.AuthenticatedAt ?? session.CreatedAt ?? portal?.SignedInAt,
            portalIsLater ? portal!.LastSeenAt : auth0LastActive,
            applications,
            methods,
            ending,
            portal?.SessionId);
    }

    /// <summary>A portal session with no Auth0 session listed for it.</summary>
    public static DeviceSession PortalOnly(ActivePortalSession portal, DeviceViewer viewer, DeviceApplication portalApplication)
    {
        ArgumentNullException.ThrowIfNull(portal);
        ArgumentNullException.ThrowIfNull(viewer);
        return new DeviceSession(null, string.Equals(portal.SessionId, viewer.PortalSessionId, StringComparison.Ordinal), portal.Device,
            portal.FirstIp, portal.LastIp, portal.SignedInAt, portal.LastSeenAt, [portalApplication], [], false, portal.SessionId);
    }

    /// <summary>The portal sessions not shown on an Auth0 session's row.</summary>
    public static IEnumerable<ActivePortalSession> Unmatched(IEnumerable<ActivePortalSession> portal, IReadOnlyCollection<string> auth0SessionIds) =>
        portal.Where(p => p.Auth0SessionId is null || !auth0SessionIds.Contains(p.Auth0SessionId));
}
