using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Profiles.Core.Password;

namespace Profiles.Core.DependencyInjection;

/// <summary>Registers the password journey's service; the host adds its <see cref="IPasswordChangedNotice"/> (texts are the web
/// layer's).</summary>
public static class PasswordJourneyCoreServiceCollectionExtensions
{
    public static IServiceCollection AddPasswordJourneyCore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<PasswordOptions>().Bind(configuration.GetSection(PasswordOptions.SectionName));
        services.TryAddScoped<PasswordChangeFollowUp>();
        services.TryAddScoped<PasswordAudit>();
        services.TryAddScoped<PasswordResetLinks>();
        services.TryAddScoped<PasswordChange>();
        services.TryAddScoped<IPasswordService, PasswordService>();
        return services;
    }
}
