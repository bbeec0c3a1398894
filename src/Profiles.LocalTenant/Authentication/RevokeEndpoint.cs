using Profiles.LocalTenant.Data;
using Profiles.LocalTenant.Logs;

namespace Profiles.LocalTenant.Authentication;

/// <summary><c>POST /oauth/revoke</c> (RFC 7009 as Auth0 answers it): the client authenticates, and a refresh token it was
/// issued is deleted. The answer is 200 with an empty body whether or not the token was valid, so the endpoint does not reveal
/// which tokens exist. Like a tenant with "Refresh Token Revocation Deletes Grant" off (the default since 2021), only the one
/// token is revoked.</summary>
public sealed class RevokeEndpoint(TenantStore store, TenantLogs logs, ILogger<RevokeEndpoint> logger)
{
    public async Task<IResult> HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var fields = await RequestFields.ReadAsync(context.Request, context.RequestAborted);
        if (fields is null)
        {
            return JsonAnswer.Error(StatusCodes.Status400BadRequest, "invalid_request", "The request body must be form-encoded or JSON");
        }

        var credentials = ClientAuthentication.From(context.Request, fields);
        if (credentials.ClientId is null)
        {
            return JsonAnswer.Error(StatusCodes.Status400BadRequest, "invalid_request", "Missing required parameter: client_id");
        }

        var token = RequestFields.Text(fields, "token");
        if (token is null)
        {
            return JsonAnswer.Error(StatusCodes.Status400BadRequest, "invalid_request", "Missing required parameter: token");
        }

        var secret = store.Read(d => d.FindClient(credentials.ClientId) is { } c ? new { c.ClientSecret } : null);
        if (secret is null || !credentials.Verify(secret.ClientSecret, secretOptional: false))
        {
            AuthenticationLog.TokenRefused(logger, "revoke", "invalid_client", "Client authentication failed");
            return JsonAnswer.Error(StatusCodes.Status401Unauthorized, "invalid_client", "Client authentication failed");
        }

        var hash = TenantIds.Hash(token);
        store.Write(w =>
        {
            // A token issued to another application is left alone, with the same answer as an unknown one.
            if (w.Find<TenantRefreshToken>(hash) is { } found && found.ClientId == credentials.ClientId)
            {
                w.Remove<TenantRefreshToken>(hash);
                logs.Record(w, context, LogEventTypes.SuccessRevokeRefreshToken, found.UserId, found.ClientId, null, null);
            }
        });
        return Results.Ok();
    }
}
