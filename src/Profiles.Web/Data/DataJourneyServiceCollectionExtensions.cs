using Microsoft.AspNetCore.Mvc.RazorPages;
using Profiles.Core.Data;
using Profiles.Core.DependencyInjection;
using Profiles.Web.Banners;

namespace Profiles.Web.Data;

/// <summary>Registers "download my data" and "delete my account": Core's services, the emails, the banner and the two pages
/// a signed-out visitor may see (the emailed cancel link, the goodbye page).</summary>
public static class DataJourneyServiceCollectionExtensions
{
    public static IServiceCollection AddDataJourney(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddDataJourneyCore(configuration);
        services.AddScoped<IDeletionNotifications, DeletionNotifications>();
        services.AddScoped<IAccountBannerSource, DeletionBannerSource>();
        // After AddRazorPages' own conventions: endpoint metadata added later wins, so this must come after AuthorizeFolder("/").
        services.PostConfigure<RazorPagesOptions>(options =>
        {
            options.Conventions.AllowAnonymousToPage("/Data/CancelDeletion");
            options.Conventions.AllowAnonymousToPage("/Data/Goodbye");
        });
        return services;
    }
}
