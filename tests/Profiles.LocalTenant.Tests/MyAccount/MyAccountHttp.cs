using System.Net;
using System.Text;
using System.Text.Json;
using Profiles.LocalTenant.Tests.Contract;

namespace Profiles.LocalTenant.Tests.MyAccount;

/// <summary>Helpers for calling the My Account API and checking its answers.</summary>
internal static class MyAccountHttp
{
    public const string MethodsPath = "me/v1/authentication-methods";

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static string MethodPath(string id) => MethodsPath + "/" + Uri.EscapeDataString(id);

    /// <summary>Asserts the status and the API's <c>ErrorResponse</c> body (validated against Auth0's document).</summary>
    public static async Task<JsonElement> ExpectErrorAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var node = System.Text.Json.Nodes.JsonNode.Parse(text);
        var document = OpenApiDocument.MyAccount;
        Assert.Empty(document.Validate(node, document.Schema("ErrorResponse")));
        using var parsed = JsonDocument.Parse(text);
        Assert.Equal((int)status, parsed.RootElement.GetProperty("status").GetInt32());
        return parsed.RootElement.Clone();
    }

    public static async Task<JsonElement> ExpectJsonAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {text}");
        using var parsed = JsonDocument.Parse(text);
        return parsed.RootElement.Clone();
    }
}
