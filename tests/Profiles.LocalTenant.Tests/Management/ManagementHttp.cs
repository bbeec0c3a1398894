using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Profiles.LocalTenant.Tests.Management;

/// <summary>Small helpers for calling the Management API over HTTP and checking Auth0-shaped answers.</summary>
internal static class ManagementHttp
{
    public const string StrongPassword = "Str0ng-Local-Pass!";

    public static string UserPath(string userId) => "api/v2/users/" + Uri.EscapeDataString(userId);

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static Task<HttpResponseMessage> PatchAsync(this HttpClient client, string userId, string json)
        => client.PatchAsync(UserPath(userId), Json(json));

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, string json)
        => client.PostAsync(path, Json(json));

    public static async Task<JsonNode> ReadNodeAsync(this HttpResponseMessage response)
    {
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    public static async Task<JsonObject> ExpectObjectAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {text}");
        return (await response.ReadNodeAsync()).AsObject();
    }

    public static async Task<JsonArray> ExpectArrayAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {text}");
        return (await response.ReadNodeAsync()).AsArray();
    }

    /// <summary>Asserts Auth0's error body <c>{statusCode, error, message, errorCode}</c> and returns the message.</summary>
    public static async Task<string> ExpectErrorAsync(this HttpResponseMessage response, HttpStatusCode status, string errorCode, string? message = null)
    {
        var body = await response.ExpectObjectAsync(status);
        Assert.Equal((int)status, body["statusCode"]!.GetValue<int>());
        Assert.False(string.IsNullOrEmpty(body["error"]!.GetValue<string>()));
        Assert.Equal(errorCode, body["errorCode"]!.GetValue<string>());
        var actual = body["message"]!.GetValue<string>();
        if (message is not null)
        {
            Assert.Equal(message, actual);
        }

        return actual;
    }

    /// <summary>Creates a database user through POST /users and returns its id.</summary>
    public static async Task<string> CreateUserAsync(this HttpClient client, string email, string extraJson = "")
    {
        var json = $$"""{"connection":"Username-Password-Authentication","email":"{{email}}","password":"{{StrongPassword}}","email_verified":true{{extraJson}}}""";
        var response = await client.PostJsonAsync("api/v2/users", json);
        var body = await response.ExpectObjectAsync(HttpStatusCode.Created);
        return body["user_id"]!.GetValue<string>();
    }

    public static async Task<JsonObject> GetUserAsync(this HttpClient client, string userId)
        => await (await client.GetAsync(UserPath(userId))).ExpectObjectAsync(HttpStatusCode.OK);

    public static Task<HttpResponseMessage> SendJsonAsync(this HttpClient client, HttpMethod method, string path, string? json)
        => client.SendAsync(new HttpRequestMessage(method, path) { Content = json is null ? null : Json(json) });
}
