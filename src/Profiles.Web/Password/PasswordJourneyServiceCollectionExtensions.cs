using Profiles.Core.DependencyInjection;
using Profiles.Core.Password;

namespace Profiles.Web.Password;

/// <summary>Registers the password journey: Core's service and the web layer's notice texts.</summary>
public static class PasswordJourneyServiceCollectionExtensions
{
    public static IServiceCollection AddPasswordJourney(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddPasswordJourneyCore(configuration);
        services.AddScoped<IPasswordChangedNotice, PasswordChangedNotice>();
        return services;
    }
}
