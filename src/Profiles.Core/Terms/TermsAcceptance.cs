using System.Globalization;
using System.Text.Json.Nodes;

namespace Profiles.Core.Terms;

/// <summary>A user's recorded acceptance: <c>app_metadata.terms = { "version": "…", "accepted_at": "…Z" }</c>, written only by
/// the portal (never from what a user sends), readable by any application and by Auth0 Actions.</summary>
public sealed record TermsAcceptance(string Version, DateTimeOffset? AcceptedAt)
{
    /// <summary>The <c>app_metadata</c> key.</summary>
    public const string AppMetadataKey = "terms";

    public const string VersionKey = "version";

    public const string AcceptedAtKey = "accepted_at";

    public const int MaxVersionLength = 64;

    /// <summary>The acceptance stored in <paramref name="appMetadata"/>, or null when there is none (or it is not the portal's shape).</summary>
    public static TermsAcceptance? ReadFrom(JsonObject? appMetadata)
    {
        if (appMetadata?[AppMetadataKey] is not JsonObject terms || terms[VersionKey] is not JsonValue versionValue
            || !versionValue.TryGetValue<string>(out var version) || string.IsNullOrEmpty(version))
        {
            return null;
        }

        DateTimeOffset? acceptedAt = terms[AcceptedAtKey] is JsonValue at && at.TryGetValue<string>(out var text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
            ? parsed
            : null;
        return new TermsAcceptance(version, acceptedAt);
    }

    /// <summary>The <c>app_metadata</c> patch that records this acceptance (Auth0 merges it at the first level).</summary>
    public JsonObject ToAppMetadataPatch() => new()
    {
        [AppMetadataKey] = new JsonObject
        {
            [VersionKey] = Version,
            [AcceptedAtKey] = AcceptedAt?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        },
    };
}
