using System.Text.Json;
using System.Text.Json.Nodes;
using Profiles.LocalTenant.Security;

namespace Profiles.LocalTenant.Management;

/// <summary><c>/users/{id}/identities</c>: link (both of Auth0's forms) and unlink.</summary>
internal static class IdentitiesEndpoints
{
    private static readonly string[] Scopes = ["update:users", "update:current_user_identities"];

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/users/{id}/identities", LinkAsync).RequireScopes(Scopes);
        api.MapDelete("/users/{id}/identities/{provider}/{userId}", Unlink).RequireScopes(Scopes);
    }

    private static async Task<IResult> LinkAsync(string id, HttpContext context, AccountLinker linker, TokenService tokens)
    {
        var body = await ManagementBody.ReadObjectAsync(context.Request, context.RequestAborted);
        ManagementBody.AllowOnly(body, "provider", "user_id", "connection_id", "link_with");
        var secondaryId = body.ContainsKey("link_with")
            ? await SecondaryFromIdTokenAsync(body, ManagementCaller.Of(context), tokens)
            : SecondaryFromBody(body);
        var primary = linker.Link(id, secondaryId, ManagementBody.OptionalString(body, "connection_id"));
        return ManagementResults.Created(UserJson.Identities(primary));
    }

    private static IResult Unlink(string id, string provider, string userId, AccountLinker linker)
        => ManagementResults.Json(UserJson.Identities(linker.Unlink(id, provider, userId)));

    private static string SecondaryFromBody(JsonObject body)
    {
        var provider = ManagementBody.OptionalString(body, "provider") ?? throw ManagementProblem.Payload("Missing required property: provider");
        var userId = body["user_id"] switch
        {
            null => throw ManagementProblem.Payload("Missing required property: user_id"),
            var n when n.GetValueKind() == JsonValueKind.String => n.GetValue<string>(),
            var n when n.GetValueKind() == JsonValueKind.Number => n.ToJsonString(),
            var n => throw ManagementProblem.Property($"Expected type string but found type {ManagementBody.TypeName(n)}", "user_id"),
        };

        // Auth0 accepts the bare id or the full "provider|id".
        return userId.StartsWith(provider + "|", StringComparison.Ordinal) ? userId : provider + "|" + userId;
    }

    private static async Task<string> SecondaryFromIdTokenAsync(JsonObject body, ManagementCaller caller, TokenService tokens)
    {
        if (body.ContainsKey("provider") || body.ContainsKey("user_id") || body.ContainsKey("connection_id"))
        {
            throw ManagementProblem.InvalidBody("Payload validation error: 'provider, user_id and connection_id must not be sent with link_with'.");
        }

        var token = ManagementBody.OptionalString(body, "link_with") ?? throw ManagementProblem.InvalidBody("Invalid token (link_with).");
        var idToken = await tokens.ValidateIdTokenAsync(token, clientId: null) ?? throw ManagementProblem.InvalidBody("Invalid token (link_with).");
        if (!idToken.Audiences.Contains(caller.AuthorizedParty, StringComparer.Ordinal))
        {
            throw ManagementProblem.InvalidBody("Invalid token (link_with): the audience (aud) must match the caller's authorized party (azp).");
        }

        return string.IsNullOrEmpty(idToken.Subject)
            ? throw ManagementProblem.InvalidBody("Invalid token (link_with): missing or invalid subject (sub).")
            : idToken.Subject;
    }
}
