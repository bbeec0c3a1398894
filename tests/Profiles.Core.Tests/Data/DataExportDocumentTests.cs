using System.Text.Json.Nodes;
using Profiles.Core.Activity;
using Profiles.Core.Data;
using Profiles.Core.Management.Models;
using Profiles.Core.Persistence;
using Profiles.Core.Preferences;

namespace Profiles.Core.Tests.Data;

public sealed class DataExportDocumentTests
{
    [Fact]
    public void Identity_credentials_and_stored_hashes_never_reach_the_export()
    {
        var user = new Auth0User
        {
            UserId = "auth0|1",
            Email = "user@example.com",
            AppMetadata = new JsonObject { ["plan"] = "gold", ["internal_flag"] = "operator-only", [AccountMetadataKeys.DeletionRequestedAt] = "2026-03-01T12:00:00.000Z" },
            Identities =
            [
                new Auth0Identity { Provider = "auth0", Connection = "Username-Password-Authentication", UserId = "1" },
                new Auth0Identity
                {
                    Provider = "github", Connection = "github", UserId = "42", IsSocial = true,
                    ProfileData = new JsonObject { ["email"] = "gh@example.com", ["access_token"] = "gho_x", ["refresh_token"] = "r", ["client_secret"] = "s" },
                },
            ],
        };
        var records = new PortalRecords(
            "k_1",
            new PendingEmailChangeRow { NewEmail = "new@example.com", CodeHash = "code-hash-value", CreatedAtMs = 1, ExpiresAtMs = 2 },
            [new DeletionRequestRow { Status = DeletionStatus.Pending, CancelTokenHash = "cancel-hash-value", UserId = "auth0|1", RequestedAtMs = 1, DueAtMs = 2 }],
            [],
            null);
        var document = new DataExportDocument(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero))
        {
            User = user,
            AppMetadataItems = [new AppMetadataItem("plan", "Plan", "Gold", null)],
            Records = records,
            SecurityEvents = [new SecurityEvent(SecurityActions.DataExported, SecurityOutcomes.Succeeded, DateTimeOffset.UnixEpoch, "c1", null)],
        };

        var json = document.Build();
        var text = json.ToJsonString();

        foreach (var secret in new[] { "gho_x", "access_token", "refresh_token", "client_secret", "code-hash-value", "cancel-hash-value", "operator-only" })
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }

        Assert.Equal("gh@example.com", (string?)json["identities"]![1]!["profile_data"]!["email"]);
        Assert.Equal("new@example.com", (string?)json["portal_records"]!["pending_email_change"]!["new_email"]);
        Assert.Equal("pending", (string?)json["portal_records"]!["deletion_requests"]![0]!["status"]);
        var appMetadata = json["app_metadata"]!.AsArray();
        Assert.Equal(["plan", AccountMetadataKeys.DeletionRequestedAt], appMetadata.Select(i => (string)i!["key"]!).ToArray());
        Assert.Equal("2026-03-01T12:00:00.000Z", (string?)json["export"]!["generated_at"]);
    }

    [Fact]
    public void Cancel_tokens_are_random_and_only_their_hash_matches()
    {
        var token = CancelTokens.Create();

        Assert.True(CancelTokens.LooksValid(token));
        Assert.NotEqual(token, CancelTokens.Create());
        Assert.Equal(CancelTokens.Hash(token), CancelTokens.Hash(token));
        Assert.NotEqual(CancelTokens.Hash(token), CancelTokens.Hash(CancelTokens.Create()));
        Assert.False(CancelTokens.LooksValid("short"));
        Assert.False(CancelTokens.LooksValid(null));
        Assert.False(CancelTokens.LooksValid(new string('a', 42) + "!"));
    }
}
