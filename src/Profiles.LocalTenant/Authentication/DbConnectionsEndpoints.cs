using System.Text.Json.Nodes;
using Profiles.LocalTenant.Data;

namespace Profiles.LocalTenant.Authentication;

/// <summary><c>POST /dbconnections/signup</c> and <c>POST /dbconnections/change_password</c>.</summary>
public static class DbConnectionsEndpoints
{
    public const string ResetRequestedText = "We've just sent you an email to reset your password.";

    private static readonly string[] EchoedAttributes = ["username", "given_name", "family_name", "name", "nickname", "picture"];

    public static async Task<IResult> SignupAsync(HttpContext context, DatabaseSignup signup)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(signup);
        var fields = await RequestFields.ReadAsync(context.Request, context.RequestAborted);
        if (fields is null)
        {
            return LegacyErrors.BadRequest("invalid_request", "The request body must be JSON");
        }

        string? F(string name) => RequestFields.Text(fields, name);
        var metadata = fields["user_metadata"];
        if (metadata is not null and not JsonObject)
        {
            return LegacyErrors.BadRequest("invalid_signup", "user_metadata must be an object");
        }

        var result = signup.SignUp(new SignupInput(F("client_id"), F("connection"), F("email"), F("password"), F("username"), F("given_name"),
            F("family_name"), F("name"), F("nickname"), F("picture"), metadata as JsonObject));
        if (!result.Succeeded)
        {
            return LegacyErrors.Body(result.Error!);
        }

        var user = result.User!;
        var body = new JsonObject
        {
            ["_id"] = user.Primary.UserId,
            ["email_verified"] = false,
            ["email"] = user.Email,
        };
        // Auth0 echoes the optional attributes that were sent.
        foreach (var name in EchoedAttributes)
        {
            if (F(name) is { } value)
            {
                body[name] = value;
            }
        }

        if (metadata is JsonObject { Count: > 0 } m)
        {
            body["user_metadata"] = m.DeepClone();
        }

        return Results.Json(body);
    }

    public static async Task<IResult> ChangePasswordAsync(HttpContext context, TenantStore store, AccountEmails emails)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(emails);
        var fields = await RequestFields.ReadAsync(context.Request, context.RequestAborted);
        if (fields is null)
        {
            return LegacyErrors.BadRequest("invalid_request", "The request body must be JSON");
        }

        var email = RequestFields.Text(fields, "email");
        var connection = RequestFields.Text(fields, "connection");
        var clientId = RequestFields.Text(fields, "client_id");
        if (email is null)
        {
            return LegacyErrors.BadRequest("invalid_request", "Missing required parameter: email");
        }

        if (connection is null)
        {
            return LegacyErrors.BadRequest("invalid_request", "Missing required parameter: connection");
        }

        var isDatabase = store.Read(d => d.FindConnection(connection)?.IsDatabase == true);
        if (!isDatabase)
        {
            return LegacyErrors.BadRequest("invalid_request", "Connection must be a database connection");
        }

        // Same answer whether or not the account exists, so the endpoint cannot be used to find out who has one.
        emails.SendPasswordReset(email.Trim(), connection, clientId);
        return Results.Text(ResetRequestedText, "text/html; charset=utf-8");
    }
}
