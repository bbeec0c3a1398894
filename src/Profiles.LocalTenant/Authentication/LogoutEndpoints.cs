using Microsoft.AspNetCore.Antiforgery;
using Profiles.LocalTenant.Data;
using Profiles.LocalTenant.Login;
using Profiles.LocalTenant.Security;
using static Profiles.LocalTenant.Localization.TenantText;

namespace Profiles.LocalTenant.Authentication;

/// <summary><c>GET /v2/logout</c> and <c>GET|POST /oidc/logout</c> (RP-initiated logout).</summary>
public static class LogoutEndpoints
{
    public static IResult V2Logout(HttpContext context, TenantStore store, TenantSessions sessions)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(sessions);
        var clientId = NonEmpty(context.Request.Query["client_id"]);
        var returnTo = NonEmpty(context.Request.Query["returnTo"]);
        // The person asked to sign out, so the session ends even when the return address is refused.
        sessions.End(context);
        if (clientId is not null)
        {
            var allowed = store.Read(d => d.FindClient(clientId)?.AllowedLogoutUrls.ToList());
            if (allowed is null)
            {
                return PageLayout.Message(T("UnknownApplication.Title"), T("UnknownApplication.SignedOutText"),
                    StatusCodes.Status400BadRequest);
            }

            if (returnTo is null)
            {
                return allowed.Count > 0 ? Results.Redirect(allowed[0]) : SignedOut();
            }

            return allowed.Contains(returnTo, StringComparer.Ordinal) ? Results.Redirect(returnTo) : RefusedReturn();
        }

        if (returnTo is null)
        {
            return SignedOut();
        }

        // Stand-in for the tenant-level Allowed Logout URLs: any registered application's list.
        var anyAllows = store.Read(d => d.All<TenantClient>().Any(c => c.AllowedLogoutUrls.Contains(returnTo, StringComparer.Ordinal)));
        return anyAllows ? Results.Redirect(returnTo) : RefusedReturn();
    }

    public static async Task<IResult> OidcLogoutAsync(HttpContext context, TenantStore store, TenantSessions sessions, TokenService tokens,
        IAntiforgery antiforgery)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(tokens);
        var fields = context.Request.HasFormContentType ? await context.Request.ReadFormAsync(context.RequestAborted) : null;
        string? Param(string name) => NonEmpty(fields is not null && fields.ContainsKey(name) ? fields[name] : context.Request.Query[name]);

        var idTokenHint = Param("id_token_hint");
        var clientId = Param("client_id");
        var logoutHint = Param("logout_hint");
        var redirect = Param("post_logout_redirect_uri");
        var state = Param("state");
        string? tokenSid = null;
        if (idTokenHint is not null)
        {
            var token = await tokens.ValidateIdTokenAsync(idTokenHint, null, validateLifetime: false);
            if (token is null)
            {
                return Refused("The id_token_hint is not a valid ID token issued by this tenant.");
            }

            var audience = token.Audiences.FirstOrDefault();
            if (clientId is not null && clientId != audience)
            {
                return Refused("The client_id does not match the audience of the id_token_hint.");
            }

            tokenSid = token.TryGetPayloadValue<string>("sid", out var sid) ? sid : null;
            if (logoutHint is not null && logoutHint != tokenSid)
            {
                return Refused("The logout_hint does not match the session of the id_token_hint.");
            }

            clientId ??= audience;
        }

        if (redirect is not null)
        {
            var allowed = clientId is not null && store.Read(d => d.FindClient(clientId)?.AllowedLogoutUrls.Contains(redirect, StringComparer.Ordinal) == true);
            if (!allowed)
            {
                return Refused(T("Logout.Refused.PostLogoutRedirect"));
            }
        }

        var current = sessions.Current(context);
        var confirmed = idTokenHint is not null || (logoutHint is not null && current?.Id == logoutHint);
        if (!confirmed)
        {
            // Auth0 asks the person before ending a session on an unauthenticated request.
            return ConfirmPage(context, antiforgery, clientId, redirect, state);
        }

        sessions.End(context);
        if (tokenSid is not null)
        {
            store.Write(w => w.Remove<TenantSession>(tokenSid));
        }

        return redirect is null ? SignedOut() : Results.Redirect(AuthorizeRedirects.Append(redirect, [("state", state)]));
    }

    /// <summary><c>POST /oidc/logout/confirm</c>: the person confirmed the sign-out on the consent page.</summary>
    public static async Task<IResult> ConfirmAsync(HttpContext context, TenantStore store, TenantSessions sessions, IAntiforgery antiforgery)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(sessions);
        var read = await Forms.ReadValidatedAsync(antiforgery, context);
        if (!Forms.Accept(read, out var form, out var refusal))
        {
            return refusal;
        }

        var clientId = Forms.Field(form, "client_id");
        var redirect = Forms.Field(form, "post_logout_redirect_uri");
        var state = Forms.Field(form, "state");
        if (redirect is not null
            && (clientId is null || !store.Read(d => d.FindClient(clientId)?.AllowedLogoutUrls.Contains(redirect, StringComparer.Ordinal) == true)))
        {
            return Refused(T("Logout.Refused.PostLogoutRedirect"));
        }

        sessions.End(context);
        return redirect is null ? SignedOut() : Results.Redirect(AuthorizeRedirects.Append(redirect, [("state", state)]));
    }

    private static HtmlResult ConfirmPage(HttpContext context, IAntiforgery antiforgery, string? clientId, string? redirect, string? state)
        => PageLayout.Render(T("Logout.Confirm.Title"), Html.Of($"""
            <section class="card">
            <h1>{T("Logout.Confirm.Title")}</h1>
            <p>{T("Logout.Confirm.Text")}</p>
            <form method="post" action="/oidc/logout/confirm">
            {Forms.Antiforgery(antiforgery, context)}{Html.Hidden("client_id", clientId)}{Html.Hidden("post_logout_redirect_uri", redirect)}{Html.Hidden("state", state)}
            <button type="submit">{T("Logout.Confirm.Submit")}</button>
            </form>
            </section>
            """));

    private static HtmlResult SignedOut()
        => PageLayout.Message(T("Logout.SignedOut.Title"), T("Logout.SignedOut.Text"));

    private static HtmlResult RefusedReturn()
        => Refused(T("Logout.Refused.ReturnTo"));

    private static HtmlResult Refused(string message) => PageLayout.Message(T("Logout.Refused.Title"), message, StatusCodes.Status400BadRequest);

    private static string? NonEmpty(Microsoft.Extensions.Primitives.StringValues values)
        => values.Count > 0 && !string.IsNullOrEmpty(values[0]) ? values[0] : null;
}
