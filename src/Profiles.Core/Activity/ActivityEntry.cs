namespace Profiles.Core.Activity;

/// <summary>One line of the security activity timeline: either one of the portal's own events (<see cref="PortalEvent"/>) or
/// a line of the Auth0 sign-in history (<see cref="SignIn"/>, failed sign-ins already grouped).</summary>
public sealed record ActivityEntry(DateTimeOffset OccurredAt, SecurityEvent? PortalEvent, SignInHistoryEntry? SignIn)
{
    /// <summary>The portal's events and the sign-in history in one list, newest first (the portal's event first on a tie).</summary>
    public static IReadOnlyList<ActivityEntry> Merge(IEnumerable<SecurityEvent> portalEvents, IEnumerable<SignInHistoryEntry> signIns)
    {
        ArgumentNullException.ThrowIfNull(portalEvents);
        ArgumentNullException.ThrowIfNull(signIns);
        return
        [
            .. portalEvents.Select(e => new ActivityEntry(e.OccurredAt, e, null))
                .Concat(signIns.Select(s => new ActivityEntry(s.OccurredAt, null, s)))
                .OrderByDescending(e => e.OccurredAt)
                .ThenBy(e => e.PortalEvent is null),
        ];
    }
}
