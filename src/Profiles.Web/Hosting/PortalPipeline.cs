using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Profiles.Web.Infrastructure;

namespace Profiles.Web.Hosting;

/// <summary>The portal's middleware order.</summary>
public static class PortalPipeline
{
    public static WebApplication UsePortal(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseMiddleware<RequestLoggingMiddleware>();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error");
            app.UseHsts();
        }

        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        // After authentication: the signed-in user's stored language preference chooses the UI culture.
        app.UseRequestLocalization();
        app.UseAuthorization();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
        app.MapRazorPages();
        return app;
    }
}
