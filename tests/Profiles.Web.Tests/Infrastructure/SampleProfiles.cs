using System.Text.Json.Nodes;
using Profiles.Core.Profiles;

namespace Profiles.Web.Tests.Infrastructure;

/// <summary>Profiles the mocked service returns.</summary>
public static class SampleProfiles
{
    public static UserProfile Alice(bool readOnly = false, JsonObject? userMetadata = null, JsonObject? appMetadata = null) => new(
        FakeOidcProvider.Subject,
        "alice@example.com",
        EmailVerified: true,
        Name: "Alice Example",
        Nickname: "alice",
        GivenName: "Alice",
        FamilyName: "Example",
        Picture: "https://images.example.com/alice.png",
        CreatedAt: new DateTimeOffset(2024, 3, 1, 9, 30, 0, TimeSpan.Zero),
        LastLogin: new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero),
        Identities:
        [
            new LinkedIdentity("auth0", "Username-Password-Authentication", "64b97a87b6c808c6f9cc0001", false, true, "alice@example.com"),
            new LinkedIdentity("google-oauth2", "google-oauth2", "1122334455", true, false, "alice@gmail.example"),
        ],
        UserMetadata: userMetadata ?? new JsonObject { ["preferred_language"] = "en", ["time_zone"] = "Europe/London" },
        AppMetadata: appMetadata ?? new JsonObject { ["plan"] = "premium", ["roles"] = new JsonArray("editor", "billing") },
        ProfileIsReadOnly: readOnly,
        PrimaryConnection: readOnly ? "google-oauth2" : "Username-Password-Authentication",
        HasDatabaseIdentity: !readOnly);
}
