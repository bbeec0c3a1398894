using Profiles.Core.Authenticators;
using Profiles.Core.DependencyInjection;

namespace Profiles.Web.Authenticators;

/// <summary>Registers the two-step verification journey: Core's service, the My Account token challenge and the notice texts.</summary>
public static class AuthenticatorsJourneyServiceCollectionExtensions
{
    public static IServiceCollection AddAuthenticatorsJourney(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAuthenticatorsJourneyCore(configuration);
        services.AddScoped<IAuthenticatorsNotice, AuthenticatorsNotice>();
        services.AddScoped<MyAccountTokenChallenge>();
        services.AddScoped<AuthenticatorText>();
        return services;
    }
}
