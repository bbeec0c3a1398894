namespace Profiles.Web.Support;

/// <summary>Registers the support contact settings (<see cref="SupportOptions"/>), validated at start.</summary>
public static class SupportServiceCollectionExtensions
{
    public static IServiceCollection AddSupportContact(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SupportOptions>().Bind(configuration.GetSection(SupportOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        return services;
    }
}
