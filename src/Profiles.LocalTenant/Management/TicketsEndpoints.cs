using System.Text.Json;
using System.Text.Json.Nodes;
using Profiles.LocalTenant.Data;

namespace Profiles.LocalTenant.Management;

/// <summary><c>/tickets/password-change</c> and <c>/tickets/email-verification</c>. No email is sent: the caller delivers the link.</summary>
internal static class TicketsEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/tickets/password-change", PasswordChangeAsync).RequireScopes("create:user_tickets");
        api.MapPost("/tickets/email-verification", EmailVerificationAsync).RequireScopes("create:user_tickets");
    }

    private static async Task<IResult> PasswordChangeAsync(HttpContext context, TenantStore store, TicketIssuer issuer)
    {
        var body = await ManagementBody.ReadObjectAsync(context.Request, context.RequestAborted);
        ManagementBody.AllowOnly(body, "result_url", "user_id", "client_id", "organization_id", "connection_id", "email", "ttl_sec",
            "mark_email_as_verified", "includeEmailInRedirect");
        var common = CommonFields.Read(body);
        var markVerified = ManagementBody.OptionalBool(body, "mark_email_as_verified") ?? false;
        ManagementBody.OptionalBool(body, "includeEmailInRedirect");
        var ticket = store.Write(w =>
        {
            common.CheckClient(w);
            var (userId, connection) = PasswordChangeTarget(w, body);
            return issuer.Create(w, TenantTicket.PasswordChange, userId, connection, common.TtlSeconds, common.ResultUrl, common.ClientId, markVerified);
        });
        return ManagementResults.Created(new JsonObject { ["ticket"] = issuer.Url(ticket) });
    }

    private static async Task<IResult> EmailVerificationAsync(HttpContext context, TenantStore store, TicketIssuer issuer)
    {
        var body = await ManagementBody.ReadObjectAsync(context.Request, context.RequestAborted);
        ManagementBody.AllowOnly(body, "result_url", "user_id", "client_id", "organization_id", "ttl_sec", "includeEmailInRedirect", "identity");
        var common = CommonFields.Read(body);
        ManagementBody.OptionalBool(body, "includeEmailInRedirect");
        var ticket = store.Write(w =>
        {
            common.CheckClient(w);
            var target = VerificationTarget.Resolve(w, body);
            return issuer.Create(w, TenantTicket.EmailVerification, target.UserId, target.Connection, common.TtlSeconds, common.ResultUrl, common.ClientId);
        });
        return ManagementResults.Created(new JsonObject { ["ticket"] = issuer.Url(ticket) });
    }

    /// <summary><c>user_id</c> (the primary database identity) or <c>email</c> + <c>connection_id</c>, never both.</summary>
    private static (string UserId, string Connection) PasswordChangeTarget(TenantData data, JsonObject body)
    {
        var userId = ManagementBody.OptionalString(body, "user_id");
        var email = ManagementBody.OptionalString(body, "email");
        var connectionId = ManagementBody.OptionalString(body, "connection_id");
        if (userId is not null && email is not null)
        {
            throw ManagementProblem.InvalidBody("Payload validation error: 'user_id' and 'email' cannot be sent together.");
        }

        if (userId is not null)
        {
            var user = data.FindUser(userId) ?? throw ManagementProblem.UserNotFound();
            return data.FindConnection(user.Primary.Connection) is { IsDatabase: true }
                ? (user.UserId, user.Primary.Connection)
                : throw ManagementProblem.InvalidBody("The main connection does not support this operation");
        }

        if (email is null || connectionId is null)
        {
            throw ManagementProblem.Payload("Missing required property: user_id (or email and connection_id)");
        }

        var connection = data.FindConnectionById(connectionId)
            ?? throw new ManagementProblem(StatusCodes.Status404NotFound, "The connection does not exist", "inexistent_connection");
        if (!connection.IsDatabase)
        {
            throw ManagementProblem.InvalidBody("The connection does not support this operation");
        }

        var owner = data.FindByConnectionEmail(connection.Name, email) ?? throw ManagementProblem.UserNotFound();
        return (owner.User.UserId, connection.Name);
    }

    private sealed record CommonFields(string? ResultUrl, string? ClientId, int TtlSeconds)
    {
        public static CommonFields Read(JsonObject body)
        {
            var ttl = TicketIssuer.DefaultTtlSeconds;
            if (body["ttl_sec"] is { } node)
            {
                if (node.GetValueKind() != JsonValueKind.Number || !node.AsValue().TryGetValue<int>(out ttl) || ttl < 0)
                {
                    throw ManagementProblem.Property($"Expected type integer but found type {ManagementBody.TypeName(node)}", "ttl_sec");
                }
            }

            return new CommonFields(ManagementBody.OptionalString(body, "result_url"), ManagementBody.OptionalString(body, "client_id"), ttl);
        }

        public void CheckClient(TenantData data)
        {
            if (ClientId is not null && data.FindClient(ClientId) is null)
            {
                throw new ManagementProblem(StatusCodes.Status404NotFound, "The client does not exist", "inexistent_client");
            }
        }
    }
}
