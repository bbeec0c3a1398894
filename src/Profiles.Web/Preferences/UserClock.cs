using System.Globalization;
using System.Text.Json.Nodes;
using Profiles.Core.Preferences;

namespace Profiles.Web.Preferences;

/// <summary>Shows instants in the user's chosen time zone (the <c>time_zone</c> preference), else in UTC, always naming the zone.</summary>
public static class UserClock
{
    public const string TimeZoneKey = TimeZonePreference.Key;

    public static string Format(DateTimeOffset instant, JsonObject userMetadata) =>
        Format(instant, MetadataText.AsString(userMetadata, TimeZoneKey), CultureInfo.CurrentCulture);

    /// <summary>Date and time in <paramref name="zoneId"/> (UTC when null or unknown), in <paramref name="culture"/>'s format.</summary>
    public static string Format(DateTimeOffset instant, string? zoneId, CultureInfo culture) =>
        In(instant, zoneId, culture, "f");

    /// <summary>The long date only, in <paramref name="zoneId"/> (UTC when null or unknown); the zone is not named.</summary>
    public static string FormatDate(DateTimeOffset instant, string? zoneId, CultureInfo culture) =>
        Local(instant, zoneId, out _).ToString("D", culture);

    private static string In(DateTimeOffset instant, string? zoneId, CultureInfo culture, string format) =>
        $"{Local(instant, zoneId, out var shownZone).ToString(format, culture)} ({shownZone})";

    private static DateTimeOffset Local(DateTimeOffset instant, string? zoneId, out string shownZone)
    {
        if (zoneId is not null && TimeZones.TryFind(zoneId, out var zone))
        {
            shownZone = zoneId;
            return TimeZoneInfo.ConvertTime(instant, zone);
        }

        shownZone = "UTC";
        return instant.ToUniversalTime();
    }
}
