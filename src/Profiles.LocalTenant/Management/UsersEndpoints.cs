using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Profiles.LocalTenant.Data;

namespace Profiles.LocalTenant.Management;

/// <summary><c>/users</c>, <c>/users/{id}</c> and <c>/users-by-email</c>.</summary>
internal static class UsersEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/users", UserListEndpoint.List).RequireScopes("read:users", "read:user_idp_tokens");
        api.MapGet("/users/{id}", GetUser).RequireScopes("read:users", "read:current_user", "read:user_idp_tokens");
        api.MapPatch("/users/{id}", PatchUserAsync).RequireScopes("update:users", "update:users_app_metadata", "update:current_user_metadata");
        api.MapDelete("/users/{id}", DeleteUser).RequireScopes("delete:users", "delete:current_user");
        api.MapPost("/users", CreateUserAsync).RequireScopes("create:users");
        api.MapGet("/users-by-email", UsersByEmail).RequireScopes("read:users");
    }

    private static IResult GetUser(string id, string? fields, [FromQuery(Name = "include_fields")] string? includeFields, TenantStore store)
    {
        UserJson.ParseFields(fields);
        var json = store.Read(d => d.FindUser(id) is { } user ? UserJson.Write(user, fields, includeFields) : null);
        return json is null ? ManagementErrors.UserNotFound() : ManagementResults.Json(json);
    }

    private static async Task<IResult> PatchUserAsync(string id, HttpContext context, TenantStore store, TicketIssuer tickets, TimeProvider time)
    {
        var body = await ManagementBody.ReadObjectAsync(context.Request, context.RequestAborted);
        UserPatchValidator.Validate(body);
        UserPatchValidator.CheckScopes(body, ManagementCaller.Of(context));
        var (json, outcome) = store.Write(w =>
        {
            var user = w.FindUser(id)?.Clone() ?? throw ManagementProblem.UserNotFound();
            var result = UserPatchApplier.Apply(w, user, body, time.GetUtcNow());
            w.Save(user);
            return (UserJson.Write(user), result);
        });

        if (outcome.VerificationTo is not null)
        {
            tickets.SendVerificationEmail(id, outcome.Identity.Connection, outcome.VerificationTo, ManagementBody.OptionalString(body, "client_id"));
        }

        return ManagementResults.Json(json);
    }

    private static IResult DeleteUser(string id, TenantStore store)
    {
        store.Write(w => UserRemoval.RemoveWithEverything(w, id));
        return ManagementResults.NoContent();
    }

    private static async Task<IResult> CreateUserAsync(HttpContext context, UserCreator creator)
    {
        var body = await ManagementBody.ReadObjectAsync(context.Request, context.RequestAborted);
        return ManagementResults.Created(creator.Create(body));
    }

    private static IResult UsersByEmail(string? email, string? fields, [FromQuery(Name = "include_fields")] string? includeFields, TenantStore store)
    {
        if (string.IsNullOrEmpty(email))
        {
            return ManagementErrors.Error(StatusCodes.Status400BadRequest, "Query validation error: 'Missing required property: email'.", "invalid_query_string");
        }

        UserJson.ParseFields(fields);

        // Auth0 documents this lookup as case-sensitive; database connections store addresses in lower case.
        var users = store.Read(d => d.All<TenantUser>()
            .Where(u => string.Equals(u.Email, email, StringComparison.Ordinal))
            .OrderBy(u => u.CreatedAt)
            .Select(u => (JsonNode)UserJson.Write(u, fields, includeFields))
            .ToArray());
        return ManagementResults.Json(new JsonArray(users));
    }
}
