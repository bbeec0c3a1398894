using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Profiles.Core.Settings;
using Profiles.Core.Authentication;
using Profiles.Core.Data;
using Profiles.Core.Email;
using Profiles.Core.Management;
using Profiles.Core.Pacing;
using Profiles.Core.Preferences;
using Profiles.Core.Profiles;
using Profiles.Core.Resilience;
using Profiles.Core.Security;

namespace Profiles.Core.DependencyInjection;

/// <summary>Registers the service layer: options (validated at start), the Management and Authentication API clients and the
/// profile rules.</summary>
public static class ProfilesCoreServiceCollectionExtensions
{
    /// <summary>Name of the <see cref="HttpClient"/> configuration every Management API typed client uses.</summary>
    public const string ManagementHttpClientName = "Profiles.Auth0.Management";

    /// <summary>Name of the Authentication API <see cref="HttpClient"/> (no retries).</summary>
    public const string AuthenticationHttpClientName = "Profiles.Auth0.Authentication";

    /// <summary>Adds everything in Profiles.Core. The Management base address is <c>{Auth0:Domain authority}/api/v2/</c>, so
    /// pointing <c>Auth0:Domain</c> (or post-configuring <see cref="Auth0Options"/>) at the local tenant moves every client.</summary>
    public static IServiceCollection AddProfilesCore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<Auth0Options>().Bind(configuration.GetSection(Auth0Options.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<Auth0Options>, Auth0OptionsValidator>());
        services.AddOptions<ManagementApiOptions>().Bind(configuration.GetSection(ManagementApiOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<ManagementApiOptions>, ManagementApiOptionsSetup>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ManagementApiOptions>, ManagementApiOptionsValidator>());
        services.AddOptions<ProfileOptions>().Bind(configuration.GetSection(ProfileOptions.SectionName));
        services.AddOptions<PreferencesOptions>().Bind(configuration.GetSection(PreferencesOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PreferencesOptions>, PreferencesOptionsValidator>());
        services.AddOptions<AppMetadataDisplayOptions>().Bind(configuration.GetSection(AppMetadataDisplayOptions.SectionName));

        services.TryAddSingleton(TimeProvider.System);
        services.AddMemoryCache();

        services.AddHttpClient(ManagementTokenProvider.HttpClientName);
        services.TryAddSingleton<ManagementTokenProvider>();
        services.TryAddSingleton<IManagementTokenProvider>(sp => sp.GetRequiredService<ManagementTokenProvider>());
        services.TryAddSingleton<ManagementResiliencePipeline>();
        services.TryAddTransient(sp => new ManagementResilienceHandler(sp.GetRequiredService<ManagementResiliencePipeline>(),
            sp.GetRequiredService<RateLimitPacer>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddTransient<ManagementTokenHandler>();
        AddPacing(services, configuration);

        // The resilience handler is outermost so that each retry goes through the token handler (fresh token, 401 refresh); it
        // also takes a pacer token for every attempt.
        services.AddHttpClient(ManagementHttpClientName)
            .ConfigureHttpClient((sp, client) =>
            {
                client.BaseAddress = new Uri(sp.GetRequiredService<IOptions<Auth0Options>>().Value.Authority + "/api/v2/", UriKind.Absolute);
                client.Timeout = Timeout.InfiniteTimeSpan;
            })
            .AddHttpMessageHandler<ManagementResilienceHandler>()
            .AddHttpMessageHandler<ManagementTokenHandler>();
        services.AddHttpClient<IUsersClient, UsersClient>(ManagementHttpClientName);
        services.AddHttpClient<IJobsClient, JobsClient>(ManagementHttpClientName);
        services.AddHttpClient<ITicketsClient, TicketsClient>(ManagementHttpClientName);
        services.AddHttpClient<ISessionsClient, SessionsClient>(ManagementHttpClientName);
        services.AddHttpClient<IGrantsClient, GrantsClient>(ManagementHttpClientName);

        services.AddHttpClient<IAuthenticationApiClient, AuthenticationApiClient>(AuthenticationHttpClientName)
            .ConfigureHttpClient((sp, client) => client.Timeout = sp.GetRequiredService<IOptions<ManagementApiOptions>>().Value.AttemptTimeout);

        services.TryAddSingleton<PreferenceValidator>();
        services.TryAddSingleton<AppMetadataPresenter>();
        services.TryAddSingleton<ProfileCache>();
        services.TryAddScoped<IProfileService, ProfileService>();
        AddAccountSecurity(services, configuration);
        return services;
    }

    /// <summary>The portal database's account records (security events, cooldowns, session revocations) and the portal's own
    /// email.</summary>
    private static void AddAccountSecurity(IServiceCollection services, IConfiguration configuration)
    {
        services.AddHostedService<PortalDatabaseMigrator>();
        services.TryAddSingleton<PortalUserKeys>();
        services.TryAddSingleton<ICorrelationContext, NoCorrelationContext>();
        services.TryAddSingleton<ISecurityEventLog, SecurityEventLog>();
        services.TryAddSingleton<IActionThrottle, ActionThrottle>();
        services.TryAddSingleton<IPortalSessionRevocations, PortalSessionRevocations>();

        services.AddOptions<EmailOptions>().Bind(configuration.GetSection(EmailOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EmailOptions>, EmailOptionsValidator>());
        services.AddHttpClient<OutboxEmailSender>()
            .ConfigureHttpClient((sp, client) => client.Timeout = TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<EmailOptions>>().Value.TimeoutSeconds));
        services.TryAddTransient<SmtpEmailSender>();
        services.TryAddTransient<IEmailSender>(sp =>
            sp.GetRequiredService<IOptions<EmailOptions>>().Value.Delivery == EmailDelivery.LocalTenantOutbox
                ? sp.GetRequiredService<OutboxEmailSender>()
                : sp.GetRequiredService<SmtpEmailSender>());
    }

    /// <summary>The portal database (always), and the pacer with its bucket state in memory, or in the portal database when
    /// <c>Auth0:Management:Pacing:Shared</c> is true.</summary>
    private static void AddPacing(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PortalDatabaseOptions>().Bind(configuration.GetSection(PortalDatabaseOptions.SectionName));
        var connectionString = configuration[PortalDatabaseOptions.SectionName + ":ConnectionString"];
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            connectionString = PortalDatabaseOptions.DefaultConnectionString;
        }

        services.AddDbContextFactory<PortalDbContext>(options => options.UseSqlite(connectionString));
        var shared = configuration.GetValue<bool>(ManagementApiOptions.SectionName + ":Pacing:Shared");
        if (shared)
        {
            services.TryAddSingleton<IRateLimitCoordinator, DatabaseRateLimitCoordinator>();
        }
        else
        {
            services.TryAddSingleton<IRateLimitCoordinator, InMemoryRateLimitCoordinator>();
        }

        services.TryAddSingleton<RateLimitPacer>();
    }
}
