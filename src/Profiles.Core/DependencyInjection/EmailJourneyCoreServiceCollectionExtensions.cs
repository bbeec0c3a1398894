using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Profiles.Core.Email;

namespace Profiles.Core.DependencyInjection;

/// <summary>Registers the email journeys' rules: verification email resends and the verified email change. The host adds an
/// <see cref="IEmailChangeMessages"/> (the localized texts).</summary>
public static class EmailJourneyCoreServiceCollectionExtensions
{
    public static IServiceCollection AddEmailJourneyCore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<EmailChangeOptions>().Bind(configuration.GetSection(EmailChangeOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EmailChangeOptions>, EmailChangeOptionsValidator>());
        services.AddOptions<VerificationEmailOptions>().Bind(configuration.GetSection(VerificationEmailOptions.SectionName));
        services.TryAddSingleton<EmailCodeHasher>();
        services.TryAddScoped<PendingEmailChanges>();
        services.TryAddScoped<EmailChangeMail>();
        services.TryAddScoped<EmailChangeAudit>();
        services.TryAddScoped<EmailChangeConfirmation>();
        services.TryAddScoped<IEmailChangeService, EmailChangeService>();
        services.TryAddScoped<IVerificationEmailService, VerificationEmailService>();
        return services;
    }
}
