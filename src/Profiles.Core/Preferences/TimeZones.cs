using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace Profiles.Core.Preferences;

/// <summary>The machine's time zones by IANA id, remembered once found. <see cref="TimeZoneInfo.TryFindSystemTimeZoneById"/>
/// takes a process-wide lock on every call, and every signed-in page formats instants in the user's zone, so under load the
/// requests queued on that lock. Only ids spelled exactly as the zone's own id are remembered (at most one entry per zone on
/// the machine); any other spelling, or an unknown id, is looked up each time as before.</summary>
public static class TimeZones
{
    private static readonly ConcurrentDictionary<string, TimeZoneInfo> Found = new(StringComparer.Ordinal);

    public static bool TryFind(string id, [NotNullWhen(true)] out TimeZoneInfo? zone)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (Found.TryGetValue(id, out zone))
        {
            return true;
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(id, out zone))
        {
            return false;
        }

        if (string.Equals(zone.Id, id, StringComparison.Ordinal))
        {
            Found.TryAdd(id, zone);
        }

        return true;
    }
}
