using System.Net;
using System.Text.Json.Nodes;

namespace Profiles.LocalTenant.Tests.Contract;

/// <summary>Checks a live response against the OpenAPI document's schema for its operation and status.</summary>
internal static class ContractAssert
{
    // Auth0's error body (facts C1); the Management document describes 4xx answers in words only.
    private static readonly JsonNode ManagementError = JsonNode.Parse("""
        {"type":"object","required":["statusCode","error","message"],"additionalProperties":false,
         "properties":{"statusCode":{"type":"integer"},"error":{"type":"string"},"message":{"type":"string"},"errorCode":{"type":"string"}}}
        """)!;

    /// <summary>Asserts status and schema; returns the body for further checks. Properties the schema leaves open are allowed
    /// only if they are in <paramref name="knownExtras"/> (keys Auth0 is recorded sending that the document omits).</summary>
    public static Task<JsonNode?> MatchesAsync(OpenApiDocument document, HttpResponseMessage response, string pathTemplate,
        HttpStatusCode expected, params string[] knownExtras)
        => MatchesAsync(document, response, pathTemplate, expected, [], knownExtras);

    /// <summary>As above, tolerating <paramref name="documentErrors"/>: violations that come from a lossy schema in Auth0's own
    /// document, where recorded Auth0 traffic shows the document is wrong (each caller cites the recording).</summary>
    public static async Task<JsonNode?> MatchesAsync(OpenApiDocument document, HttpResponseMessage response, string pathTemplate,
        HttpStatusCode expected, IReadOnlyCollection<string> documentErrors, params string[] knownExtras)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{response.RequestMessage?.Method} {pathTemplate}: expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        var node = body.Length == 0 ? null : JsonNode.Parse(body);
        var undeclared = new List<string>();
        var errors = document.Validate(node, document.ResponseSchema(pathTemplate, response.RequestMessage!.Method.Method, (int)expected), undeclared)
            .Except(documentErrors).ToList();
        Assert.True(errors.Count == 0, $"{pathTemplate} {(int)expected} does not match Auth0's schema:\n{string.Join("\n", errors)}");
        // Metadata holds the tenant's own keys: undeclared by definition.
        var unexpected = undeclared
            .Where(u => !u.Contains(".app_metadata.", StringComparison.Ordinal) && !u.Contains(".user_metadata.", StringComparison.Ordinal))
            .Where(u => !knownExtras.Any(k => u.EndsWith("." + k, StringComparison.Ordinal)))
            .ToList();
        Assert.True(unexpected.Count == 0, $"{pathTemplate} sends properties Auth0's schema does not declare: {string.Join(", ", unexpected)}");
        return node;
    }

    /// <summary>Asserts a Management API error: status, Auth0's error body shape, and JSON content type with charset.</summary>
    public static async Task ManagementErrorAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        var node = JsonNode.Parse(body);
        Assert.Empty(OpenApiDocument.Management.Validate(node, ManagementError));
        Assert.Equal((int)expected, node!["statusCode"]!.GetValue<int>());
    }
}
