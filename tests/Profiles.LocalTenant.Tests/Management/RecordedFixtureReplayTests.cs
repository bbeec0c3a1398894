using System.Text.Json;
using System.Text.Json.Nodes;
using Profiles.LocalTenant.Data;
using Profiles.LocalTenant.Tests.Infrastructure;

namespace Profiles.LocalTenant.Tests.Management;

/// <summary>Replays real Auth0 traffic recorded by go-auth0 (Fixtures/README.md) against a fresh local tenant and checks
/// that status codes, content types and JSON shapes (key sets and value types) match the recording.</summary>
public sealed class RecordedFixtureReplayTests
{
    // The recorded tenant's database connection, which the local tenant's stands in for.
    private const string RecordedConnectionId = "con_ftSSLHb0O7rcUGmF";

    [Theory]
    [InlineData("go-auth0_v1.45.0_TestUserManager_Update.yaml")]
    [InlineData("go-auth0_v1.45.0_TestUserManager_Delete.yaml")]
    [InlineData("go-auth0_v1.45.0_TestUserManager_Unlink.yaml")]
    [InlineData("go-auth0_v1.45.0_TestJobManager_VerifyEmail.yaml")]
    [InlineData("go-auth0_v1.45.0_TestTicketManager_ChangePassword.yaml")]
    public async Task Replay_matches_the_recorded_status_and_shape(string fileName)
    {
        var cassette = RecordedCassette.Load(fileName);
        var tenant = await TenantFixture.StartAsync();
        try
        {
            MatchRecordedPasswordPolicy(tenant);
            using var client = tenant.CreateManagementClient();
            var ids = new Dictionary<string, string>(StringComparer.Ordinal) { [RecordedConnectionId] = "con_LocalDatabase0001" };
            var replayed = 0;
            foreach (var (interaction, index) in cassette.Interactions.Select((x, i) => (x, i)))
            {
                var path = new Uri(interaction.Request.Url).PathAndQuery;
                if (path.StartsWith("/api/v2/connections", StringComparison.Ordinal))
                {
                    continue; // Not part of the subset; the connection id is mapped above instead.
                }

                var response = await SendAsync(client, interaction.Request, ids);
                var label = $"{fileName} #{index} {interaction.Request.Method} {path}";
                var text = await response.Content.ReadAsStringAsync();
                Assert.True(interaction.Response.Code == (int)response.StatusCode, $"{label}: expected {interaction.Response.Code}, got {(int)response.StatusCode}: {text}");
                Assert.Equal(interaction.Response.Headers["Content-Type"][0], response.Content.Headers.ContentType?.ToString());
                if (interaction.Response.Body.Length > 0)
                {
                    var recorded = JsonNode.Parse(interaction.Response.Body);
                    var actual = JsonNode.Parse(text);
                    AssertSameShape(recorded, actual, label + " $");
                    LearnIds(recorded, actual, ids);
                }

                replayed++;
            }

            Assert.True(replayed >= 3, $"{fileName}: only {replayed} interactions replayed");
        }
        finally
        {
            await tenant.DisposeAsync();
        }
    }

    // The recorded connection had no personal-info or history rules (its connections payload in the Unlink recording).
    private static void MatchRecordedPasswordPolicy(TenantFixture tenant) => tenant.Store.Write(w =>
    {
        var connection = w.FindConnection(TenantFixture.DatabaseConnection)!;
        connection.PasswordPolicy.NoPersonalInfo = false;
        connection.PasswordPolicy.HistorySize = 0;
        w.Save(connection);
    });

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, RecordedCassette.RecordedRequest request, Dictionary<string, string> ids)
    {
        var path = Rewrite(new Uri(request.Url).PathAndQuery.TrimStart('/'), ids);
        var body = request.Body.Trim();
        var message = new HttpRequestMessage(new HttpMethod(request.Method), path);
        if (body.Length > 0 && body != "null")
        {
            message.Content = ManagementHttp.Json(Rewrite(body, ids));
        }

        return client.SendAsync(message);
    }

    private static string Rewrite(string text, Dictionary<string, string> ids)
        => ids.Aggregate(text, (current, pair) => current.Replace(pair.Key, pair.Value, StringComparison.Ordinal));

    /// <summary>Maps recorded user and job ids to the ones the local tenant created for the same request.</summary>
    private static void LearnIds(JsonNode? recorded, JsonNode? actual, Dictionary<string, string> ids)
    {
        if (recorded is not JsonObject r || actual is not JsonObject a)
        {
            return;
        }

        foreach (var key in new[] { "user_id", "id" })
        {
            if (r[key]?.GetValue<string>() is { } from && a[key]?.GetValue<string>() is { } to)
            {
                ids[Bare(from)] = Bare(to);
            }
        }
    }

    private static string Bare(string id) => id.Contains('|', StringComparison.Ordinal) ? id[(id.IndexOf('|', StringComparison.Ordinal) + 1)..] : id;

    private static void AssertSameShape(JsonNode? recorded, JsonNode? actual, string path)
    {
        Assert.True(Kind(recorded) == Kind(actual), $"{path}: recorded {Kind(recorded)}, local {Kind(actual)}");
        switch (recorded)
        {
            case JsonObject r:
                var a = actual!.AsObject();
                var recordedKeys = r.Select(p => p.Key).Order(StringComparer.Ordinal).ToList();
                var actualKeys = a.Select(p => p.Key).Order(StringComparer.Ordinal).ToList();
                if (path.EndsWith(".profileData", StringComparison.Ordinal))
                {
                    // Auth0 leaves a defaulted name out of profileData; the local tenant always copies it.
                    Assert.True(recordedKeys.All(actualKeys.Contains), $"{path}: recorded keys {string.Join(',', recordedKeys)} not all in {string.Join(',', actualKeys)}");
                }
                else
                {
                    Assert.True(recordedKeys.SequenceEqual(actualKeys), $"{path}: recorded keys {string.Join(',', recordedKeys)}, local {string.Join(',', actualKeys)}");
                }

                foreach (var key in recordedKeys)
                {
                    AssertSameShape(r[key], a[key], path + "." + key);
                }

                break;
            case JsonArray r:
                var array = actual!.AsArray();
                Assert.True(r.Count == array.Count, $"{path}: recorded {r.Count} items, local {array.Count}");
                for (var i = 0; i < r.Count; i++)
                {
                    AssertSameShape(r[i], array[i], $"{path}[{i}]");
                }

                break;
            default:
                break;
        }
    }

    private static string Kind(JsonNode? node) => node?.GetValueKind() switch
    {
        null or JsonValueKind.Null => "null",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        var kind => kind.ToString()!,
    };
}
