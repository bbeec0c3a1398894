namespace Profiles.LocalTenant.Management;

/// <summary>Answers the sessions endpoints as a tenant without the sessions entitlement does while
/// <see cref="SessionsFeature.Enabled"/> is off. Runs after the scope check, as Auth0 authenticates before anything else.</summary>
internal sealed class SessionsPlanFilter : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        return context.HttpContext.RequestServices.GetRequiredService<SessionsFeature>().Enabled
            ? next(context)
            : ValueTask.FromResult<object?>(ManagementErrors.Error(StatusCodes.Status403Forbidden, SessionsFeature.NotEnabledMessage, null));
    }
}
