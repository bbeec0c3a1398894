using System.Text.Json.Nodes;
using Profiles.Core.Data;
using Profiles.Core.Management.Models;
using Profiles.Core.Persistence;
using Profiles.Core.Terms;

namespace Profiles.Core.Tests.Data;

public sealed class DataExportConsentTests
{
    [Fact]
    public void The_export_holds_the_consent_history_and_the_terms_acceptance()
    {
        var user = new Auth0User
        {
            UserId = "auth0|1",
            AppMetadata = new TermsAcceptance("2026-02", new DateTimeOffset(2026, 2, 3, 9, 0, 0, TimeSpan.Zero)).ToAppMetadataPatch(),
        };
        var consents = new List<ConsentRecordRow>
        {
            new() { FieldKey = "newsletter_opt_in", Given = false, RecordedAtMs = 2_000, WordingVersion = "2026-01" },
            new() { FieldKey = "newsletter_opt_in", Given = true, RecordedAtMs = 1_000, WordingVersion = "2026-01" },
        };
        var document = new DataExportDocument(DateTimeOffset.UnixEpoch)
        {
            User = user,
            AppMetadataItems = [],
            Records = new PortalRecords("k_1", null, [], [], null, consents),
            SecurityEvents = [],
        }.Build();

        var terms = Assert.Single(document["app_metadata"]!.AsArray());
        Assert.Equal("terms", (string?)terms!["key"]);
        Assert.Equal("2026-02", (string?)terms["value"]!["version"]);
        Assert.Equal("2026-02-03T09:00:00.000Z", (string?)terms["value"]!["accepted_at"]);
        var history = document["portal_records"]!["consent_records"]!.AsArray();
        Assert.Equal(2, history.Count);
        Assert.Equal(JsonNode.Parse("""{"preference":"newsletter_opt_in","given":false,"recorded_at":"1970-01-01T00:00:02.000Z","wording_version":"2026-01"}""")!.ToJsonString(),
            history[0]!.ToJsonString());
    }
}
