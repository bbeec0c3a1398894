using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Profiles.Web.Infrastructure;

namespace Profiles.Web.Hosting;

/// <summary>The portal's middleware order.</summary>
public static class PortalPipeline
{
    public static WebApplication UsePortal(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UsePortalRequestLogging();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error");
            app.UseHsts();
        }

        app.UseMiddleware<SecurityHeadersMiddleware>();
        // Every error status without a body gets the localised error page (never a blank page).
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseStaticFiles();
        app.UseRouting();
        // Before authentication and antiforgery: a method no handler takes is 405 for everyone.
        app.UseMiddleware<PageMethodGuard>();
        app.UseAuthentication();
        // After authentication: the signed-in user's stored language preference chooses the UI culture.
        app.UseRequestLocalization();
        app.UseAuthorization();
        // Inside authentication (a 404 for the signed-in user ends the session), outside every page.
        app.UseMiddleware<Auth0AnswerMiddleware>();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
        app.MapRazorPages();
        return app;
    }
}
