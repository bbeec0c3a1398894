using Profiles.Core.Account;
using Profiles.Core.DependencyInjection;

namespace Profiles.Web.Password;

/// <summary>Registers the password journey: Core's service and the web layer's notice texts.</summary>
public static class PasswordJourneyServiceCollectionExtensions
{
    public static IServiceCollection AddPasswordJourney(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddPasswordService(configuration);
        services.AddScoped<IPasswordChangedNotice, PasswordChangedNotice>();
        return services;
    }
}
