using Profiles.Core.DependencyInjection;
using Profiles.Core.Email;
using Profiles.Web.Banners;

namespace Profiles.Web.Email;

/// <summary>Registers the email page's services: Core's rules, the localized emails and the verification banner.</summary>
public static class EmailJourneyServiceCollectionExtensions
{
    public static IServiceCollection AddEmailJourney(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddEmailJourneyCore(configuration);
        services.AddScoped<IEmailChangeMessages, EmailChangeMessages>();
        services.AddScoped<IAccountBannerSource, UnverifiedEmailBannerSource>();
        return services;
    }
}
