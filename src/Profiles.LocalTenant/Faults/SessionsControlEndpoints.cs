using Profiles.LocalTenant.Management;

namespace Profiles.LocalTenant.Faults;

/// <summary><c>/local/sessions</c>: read or change the sessions plan (<see cref="SessionsFeature"/>) while the tenant runs.</summary>
public static class SessionsControlEndpoints
{
    public static void MapSessionsControl(this RouteGroupBuilder local)
    {
        local.MapGet("/sessions", (SessionsFeature feature) => Results.Json(Describe(feature)));
        local.MapPut("/sessions", (SessionsPlanSettings settings, SessionsFeature feature) =>
        {
            if (settings.DeleteDelaySeconds is < 0)
            {
                return Results.BadRequest(new { error = "invalid_request", error_description = "deleteDelaySeconds must be ≥ 0." });
            }

            feature.Enabled = settings.Enabled ?? feature.Enabled;
            if (settings.DeleteDelaySeconds is { } delay)
            {
                feature.DeleteDelay = TimeSpan.FromSeconds(delay);
            }

            return Results.Json(Describe(feature));
        });
    }

    private static object Describe(SessionsFeature feature) => new { enabled = feature.Enabled, deleteDelaySeconds = feature.DeleteDelay.TotalSeconds };
}
