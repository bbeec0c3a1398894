using Profiles.LocalTenant.Data;
using Profiles.LocalTenant.Hosting;
using Profiles.LocalTenant.MyAccount;
using Profiles.LocalTenant.RateLimiting;

namespace Profiles.LocalTenant.Faults;

/// <summary>Development-only control endpoints under <c>/local</c>: faults, plan, request log. The tenant never runs in Production.</summary>
public static class ControlEndpoints
{
    public static IServiceCollection AddTenantFaults(this IServiceCollection services)
        => services.AddSingleton<FaultInjector>().AddSingleton<RequestLog>();

    public static IApplicationBuilder UseTenantFaults(this IApplicationBuilder app)
        => app.UseMiddleware<RequestLogMiddleware>().UseMiddleware<FaultInjectionMiddleware>();

    public static void MapControlEndpoints(this IEndpointRouteBuilder app)
    {
        var local = app.MapGroup("/local");
        local.MapGet("/faults", (FaultInjector faults) => Results.Json(faults.Current, TenantStore.DocumentJson));
        local.MapPut("/faults", (FaultSettings settings, FaultInjector faults) =>
        {
            try
            {
                faults.Set(settings);
                return Results.Json(faults.Current, TenantStore.DocumentJson);
            }
            catch (ArgumentException)
            {
                return Results.BadRequest(new { error = "invalid_request", error_description = "Latencies must be ≥ 0 and rates within 0..1." });
            }
        });
        local.MapGet("/rate-limits", (RateLimitRegistry limits) => Results.Json(new { plan = limits.Plan, sendRetryAfter = limits.SendRetryAfter }));
        local.MapPut("/rate-limits", (RateLimitSettings settings, RateLimitRegistry limits) =>
        {
            if (!PlanProfiles.IsKnown(settings.Plan))
            {
                return Results.BadRequest(new { error = "invalid_request", error_description = "plan must be free, essentials, enterprise or off" });
            }

            limits.SetPlan(settings.Plan);
            limits.SendRetryAfter = settings.SendRetryAfter ?? limits.SendRetryAfter;
            return Results.Json(new { plan = limits.Plan, sendRetryAfter = limits.SendRetryAfter });
        });
        local.MapSessionsControl();
        local.MapGet("/my-account", (MyAccountFeature feature) => Results.Json(new { activated = feature.Activated }));
        local.MapPut("/my-account", (MyAccountSettings settings, MyAccountFeature feature) =>
        {
            feature.Activated = settings.Activated;
            return Results.Json(new { activated = feature.Activated });
        });
        local.MapGet("/requests", (RequestLog log) => Results.Json(log.All, TenantStore.DocumentJson));
        local.MapDelete("/requests", (RequestLog log) =>
        {
            log.Clear();
            return Results.NoContent();
        });
    }
}
