using Microsoft.AspNetCore.Mvc;

namespace Profiles.Web.Freshness;

/// <summary>Registers what keeps pages and the session current after a change (see <see cref="FreshProfileFilter"/>).</summary>
public static class FreshnessServiceCollectionExtensions
{
    public static IServiceCollection AddFreshness(this IServiceCollection services)
    {
        services.AddScoped<ISessionClaims, SessionClaims>();
        services.Configure<MvcOptions>(options => options.Filters.Add<FreshProfileFilter>());
        return services;
    }
}
