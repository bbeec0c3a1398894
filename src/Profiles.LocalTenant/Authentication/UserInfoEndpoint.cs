using System.Text.Json.Nodes;
using Profiles.LocalTenant.Data;
using Profiles.LocalTenant.Security;

namespace Profiles.LocalTenant.Authentication;

/// <summary><c>GET /userinfo</c>: the signed-in user's claims allowed by the access token's scope.</summary>
public static class UserInfoEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext context, TokenService tokens, TenantUrls urls, TenantStore store)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(urls);
        ArgumentNullException.ThrowIfNull(store);
        var header = context.Request.Headers.Authorization.ToString();
        var identity = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? await tokens.ValidateAsync(header["Bearer ".Length..].Trim(), urls.Issuer + "userinfo")
            : null;
        var subject = identity?.FindFirst("sub")?.Value;
        var user = subject is null ? null : store.Read(d => d.FindUser(subject)?.Clone());
        if (identity is null || user is null)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
            return JsonAnswer.Error(StatusCodes.Status401Unauthorized, "invalid_token", "The access token is invalid or has expired");
        }

        var body = new JsonObject { ["sub"] = user.UserId };
        foreach (var (name, value) in ProfileClaims.For(user, identity.FindFirst("scope")?.Value ?? ""))
        {
            body[name] = value switch
            {
                bool flag => flag,
                _ => value.ToString(),
            };
        }

        return new JsonAnswer(body);
    }
}
