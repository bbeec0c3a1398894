namespace Profiles.LocalTenant.Management;

/// <summary>Authenticates the caller, enforces the endpoint's scopes (any of) and turns <see cref="ManagementProblem"/>s
/// into Auth0 error bodies.</summary>
internal sealed class ScopeFilter(string[] scopes) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var (caller, failure) = await http.RequestServices.GetRequiredService<ManagementAuthenticator>().AuthenticateAsync(http.Request);
        if (caller is null)
        {
            return failure;
        }

        var granted = scopes.Where(caller.Scopes.Contains).ToList();
        if (granted.Count == 0)
        {
            return ManagementErrors.InsufficientScope(scopes);
        }

        // *:current_user* scopes belong to a user's own token: they only reach that user's own record.
        if (granted.TrueForAll(s => s.Contains("current_user", StringComparison.Ordinal))
            && http.Request.RouteValues.TryGetValue("id", out var id) && !string.Equals(id as string, caller.Subject, StringComparison.Ordinal))
        {
            return ManagementErrors.InsufficientScope(scopes);
        }

        http.Features.Set(caller);
        try
        {
            return await next(context);
        }
        catch (ManagementProblem problem)
        {
            return ManagementErrors.From(problem);
        }
    }
}
