using System.Text.Json;
using System.Text.Json.Nodes;

namespace Profiles.Core.Preferences;

/// <summary>The user's time zone, a first-level <c>user_metadata</c> key every page and email formats instants with. Work done
/// without a request (emails, the deletion worker) derives it from the same stored profile, so it needs nothing of its own.</summary>
public static class TimeZonePreference
{
    public const string Key = "time_zone";

    /// <summary>The stored IANA zone id when this machine knows it; null (meaning UTC) when unset or unknown.</summary>
    public static string? Of(JsonObject? userMetadata) =>
        userMetadata?[Key] is JsonValue value && value.GetValueKind() == JsonValueKind.String
            && value.GetValue<string>() is { Length: > 0 } id && TimeZones.TryFind(id, out _)
            ? id
            : null;
}
