using System.Globalization;
using System.Text.Json.Nodes;

namespace Profiles.Web.Preferences;

/// <summary>Shows instants in the user's chosen time zone (the <c>time_zone</c> preference), else in UTC.</summary>
public static class UserClock
{
    public const string TimeZoneKey = "time_zone";

    public static string Format(DateTimeOffset instant, JsonObject userMetadata)
    {
        var zoneId = MetadataText.AsString(userMetadata, TimeZoneKey);
        if (zoneId is not null && TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var zone))
        {
            return $"{TimeZoneInfo.ConvertTime(instant, zone).ToString("f", CultureInfo.CurrentCulture)} ({zoneId})";
        }

        return instant.ToUniversalTime().ToString("f", CultureInfo.CurrentCulture) + " (UTC)";
    }
}
