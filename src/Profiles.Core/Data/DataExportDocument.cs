using System.Globalization;
using System.Text.Json.Nodes;
using Profiles.Core.Activity;
using Profiles.Core.Management.Models;
using Profiles.Core.Preferences;
using Profiles.Core.Terms;

namespace Profiles.Core.Data;

/// <summary>
/// Lays out the export (format version <see cref="FormatVersion"/>). What is deliberately left out: identity-provider
/// tokens and anything secret-like in an identity's <c>profileData</c>, the pending email change's code hash, the deletion
/// request's cancel-token hash, and <c>app_metadata</c> keys the operator did not declare for display (other than the
/// portal's own marks: deletion and terms acceptance).
/// </summary>
public sealed class DataExportDocument(DateTimeOffset generatedAt)
{
    public const int FormatVersion = 1;

    public required Auth0User User { get; init; }

    public required IReadOnlyList<AppMetadataItem> AppMetadataItems { get; init; }

    public required PortalRecords Records { get; init; }

    public required IReadOnlyList<SecurityEvent> SecurityEvents { get; init; }

    public JsonObject Build() => new()
    {
        ["export"] = new JsonObject
        {
            ["format_version"] = FormatVersion,
            ["generated_at"] = Instant(generatedAt),
            ["generator"] = "Profiles account portal",
        },
        ["profile"] = Profile(User),
        ["user_metadata"] = User.UserMetadata?.DeepClone() ?? new JsonObject(),
        ["app_metadata"] = AppMetadata(),
        ["identities"] = new JsonArray((User.Identities ?? []).Select(i => (JsonNode)Identity(i)).ToArray()),
        ["portal_records"] = PortalRecordsJson(),
    };

    /// <summary>Profile data keys that are never exported: identity-provider credentials.</summary>
    public static bool IsSecretKey(string key) =>
        key.Contains("token", StringComparison.OrdinalIgnoreCase) || key.Contains("secret", StringComparison.OrdinalIgnoreCase) ||
        key.Contains("password", StringComparison.OrdinalIgnoreCase);

    private static JsonObject Profile(Auth0User user) => new()
    {
        ["user_id"] = user.UserId,
        ["email"] = user.Email,
        ["email_verified"] = user.EmailVerified,
        ["username"] = user.Username,
        ["phone_number"] = user.PhoneNumber,
        ["phone_verified"] = user.PhoneVerified,
        ["name"] = user.Name,
        ["nickname"] = user.Nickname,
        ["given_name"] = user.GivenName,
        ["family_name"] = user.FamilyName,
        ["picture"] = user.Picture,
        ["created_at"] = Instant(user.CreatedAt),
        ["updated_at"] = Instant(user.UpdatedAt),
        ["last_login"] = Instant(user.LastLogin),
        ["last_password_reset"] = Instant(user.LastPasswordReset),
        ["logins_count"] = user.LoginsCount,
        ["last_ip"] = user.LastIp,
        ["blocked"] = user.Blocked,
        ["multifactor"] = user.Multifactor is null ? null : new JsonArray(user.Multifactor.Select(m => (JsonNode)JsonValue.Create(m)!).ToArray()),
    };

    private JsonArray AppMetadata()
    {
        var items = new JsonArray();
        foreach (var item in AppMetadataItems)
        {
            items.Add(new JsonObject
            {
                ["key"] = item.Key,
                ["label"] = item.Label,
                ["value"] = User.AppMetadata?[item.Key]?.DeepClone(),
                ["display_value"] = item.DisplayValue,
            });
        }

        foreach (var key in new[] { AccountMetadataKeys.DeletionRequestedAt, AccountMetadataKeys.DeletionIdentities, TermsAcceptance.AppMetadataKey })
        {
            if (User.AppMetadata?[key] is { } value && AppMetadataItems.All(i => i.Key != key))
            {
                items.Add(new JsonObject { ["key"] = key, ["value"] = value.DeepClone() });
            }
        }

        return items;
    }

    private static JsonObject Identity(Auth0Identity identity)
    {
        var profileData = new JsonObject();
        foreach (var (key, value) in identity.ProfileData ?? [])
        {
            if (!IsSecretKey(key))
            {
                profileData[key] = value?.DeepClone();
            }
        }

        return new JsonObject
        {
            ["provider"] = identity.Provider,
            ["connection"] = identity.Connection,
            ["user_id"] = identity.UserId,
            ["is_social"] = identity.IsSocial,
            ["profile_data"] = profileData,
        };
    }

    private JsonObject PortalRecordsJson()
    {
        var pending = Records.PendingEmailChange;
        return new JsonObject
        {
            ["pseudonymous_key"] = Records.UserKey,
            ["pending_email_change"] = pending is null ? null : new JsonObject
            {
                ["new_email"] = pending.NewEmail,
                ["requested_at"] = Instant(pending.CreatedAtMs),
                ["expires_at"] = Instant(pending.ExpiresAtMs),
                ["attempts"] = pending.Attempts,
            },
            ["deletion_requests"] = new JsonArray(Records.DeletionRequests.Select(r => (JsonNode)new JsonObject
            {
                ["status"] = r.Status,
                ["requested_at"] = Instant(r.RequestedAtMs),
                ["due_at"] = Instant(r.DueAtMs),
                ["closed_at"] = r.CompletedAtMs is { } closed ? Instant(closed) : null,
            }).ToArray()),
            ["cooldowns"] = new JsonArray(Records.Cooldowns.Select(c => (JsonNode)new JsonObject
            {
                ["action"] = c.Action,
                ["not_before"] = Instant(c.NotBeforeMs),
            }).ToArray()),
            ["consent_records"] = new JsonArray((Records.ConsentRecords ?? []).Select(c => (JsonNode)new JsonObject
            {
                ["preference"] = c.FieldKey,
                ["given"] = c.Given,
                ["recorded_at"] = Instant(c.RecordedAtMs),
                ["wording_version"] = c.WordingVersion,
            }).ToArray()),
            ["portal_sessions"] = new JsonArray((Records.PortalSessions ?? []).Select(p => (JsonNode)new JsonObject
            {
                ["browser"] = p.Browser,
                ["operating_system"] = p.OperatingSystem,
                ["first_ip"] = p.FirstIp,
                ["last_ip"] = p.LastIp,
                ["signed_in_at"] = Instant(p.SignedInAtMs),
                ["last_seen_at"] = Instant(p.LastSeenAtMs),
                ["expires_at"] = Instant(p.ExpiresAtMs),
                ["auth0_session_id"] = p.Auth0SessionId,
            }).ToArray()),
            ["sessions_ended_before"] = Records.SessionRevocation is { } revocation ? Instant(revocation.RevokedBeforeMs) : null,
            ["security_events"] = new JsonArray(SecurityEvents.Select(e => (JsonNode)new JsonObject
            {
                ["action"] = e.Action,
                ["outcome"] = e.Outcome,
                ["occurred_at"] = Instant(e.OccurredAt),
                ["correlation_id"] = e.CorrelationId,
                ["detail"] = e.Detail,
            }).ToArray()),
        };
    }

    private static string? Instant(DateTimeOffset? instant) =>
        instant?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static string Instant(long unixMs) => Instant(DateTimeOffset.FromUnixTimeMilliseconds(unixMs))!;
}
