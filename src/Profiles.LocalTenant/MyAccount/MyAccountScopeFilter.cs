using Profiles.LocalTenant.Security;

namespace Profiles.LocalTenant.MyAccount;

/// <summary>Bearer authentication for <c>/me/v1</c>: this tenant's signature, issuer, lifetime and the <c>{base}/me/</c> audience,
/// then the endpoint's scope. A user token only: client-credentials tokens can never call the My Account API.</summary>
internal sealed class MyAccountScopeFilter(string scope) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var services = http.RequestServices;
        var header = http.Request.Headers.Authorization.ToString().Trim();
        var space = header.IndexOf(' ', StringComparison.Ordinal);
        if (space < 0 || !string.Equals(header[..space], "Bearer", StringComparison.OrdinalIgnoreCase))
        {
            return MyAccountErrors.MissingToken();
        }

        var identity = await services.GetRequiredService<TokenService>()
            .ValidateAsync(header[(space + 1)..].Trim(), services.GetRequiredService<TenantUrls>().MyAccountAudience);
        var subject = identity?.FindFirst("sub")?.Value;
        if (identity is null || subject is null || subject.EndsWith("@clients", StringComparison.Ordinal))
        {
            return MyAccountErrors.InvalidToken();
        }

        if (!services.GetRequiredService<MyAccountFeature>().Activated)
        {
            return MyAccountErrors.NotActivated();
        }

        var scopes = (identity.FindFirst("scope")?.Value ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        if (!scopes.Contains(scope))
        {
            return MyAccountErrors.InsufficientScope();
        }

        http.Features.Set(new MyAccountCaller(subject, scopes));
        return await next(context);
    }
}
