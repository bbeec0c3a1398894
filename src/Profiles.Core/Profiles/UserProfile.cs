using System.ComponentModel;
using System.Text.Json.Nodes;

namespace Profiles.Core.Profiles;

/// <summary>The normalised Auth0 profile as the portal shows it.</summary>
/// <param name="ProfileIsReadOnly">True when the primary identity's provider overwrites root attributes at each login.</param>
/// <param name="PrimaryConnection">Connection of the primary identity (e.g. <c>google-oauth2</c>), for the read-only explanation.</param>
/// <remarks>Never changed once built (a change is a new profile), so the cache hands out the same instance.</remarks>
[ImmutableObject(true)]
public sealed record UserProfile(
    string UserId,
    string? Email,
    bool EmailVerified,
    string? Name,
    string? Nickname,
    string? GivenName,
    string? FamilyName,
    string? Picture,
    DateTimeOffset? CreatedAt,
    DateTimeOffset? LastLogin,
    IReadOnlyList<LinkedIdentity> Identities,
    JsonObject UserMetadata,
    JsonObject AppMetadata,
    bool ProfileIsReadOnly,
    string PrimaryConnection,
    bool HasDatabaseIdentity);
