using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Profiles.Web.Infrastructure;

public static class TempDataServiceCollectionExtensions
{
    /// <summary>Cookie TempData that sends no <c>Set-Cookie</c> when there was and is nothing to keep
    /// (<see cref="QuietCookieTempDataProvider"/>). Call after <c>AddRazorPages</c>.</summary>
    public static IServiceCollection AddQuietTempData(this IServiceCollection services)
    {
        services.TryAddSingleton<CookieTempDataProvider>();
        services.Replace(ServiceDescriptor.Singleton<ITempDataProvider, QuietCookieTempDataProvider>());
        return services;
    }
}
