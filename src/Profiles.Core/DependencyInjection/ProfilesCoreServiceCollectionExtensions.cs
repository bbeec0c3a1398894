using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Profiles.Core.Mail;
using Profiles.Core.Persistence;
using Profiles.Core.Settings;
using Profiles.Core.Authentication;
using Profiles.Core.Caching;
using Profiles.Core.Management;
using Profiles.Core.Pacing;
using Profiles.Core.Preferences;
using Profiles.Core.Profiles;
using Profiles.Core.Resilience;
using Profiles.Core.Security;
using Profiles.Core.Telemetry;
using Profiles.Core.Writes;

namespace Profiles.Core.DependencyInjection;

/// <summary>Registers the service layer: options (validated at start), the Management and Authentication API clients and the
/// profile rules.</summary>
public static class ProfilesCoreServiceCollectionExtensions
{
    /// <summary>Name of the <see cref="HttpClient"/> configuration every Management API typed client uses.</summary>
    public const string ManagementHttpClientName = "Profiles.Auth0.Management";

    /// <summary>Name of the Authentication API <see cref="HttpClient"/> (attempt timeout, no retries).</summary>
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
        services.AddMetrics();
        services.TryAddSingleton<JourneyMetrics>();
        services.AddMemoryCache();

        services.AddHttpClient(ManagementTokenProvider.HttpClientName).AddHttpMessageHandler<ManagementMetricsHandler>();
        services.TryAddSingleton<ManagementTokenProvider>();
        services.TryAddSingleton<IManagementTokenProvider>(sp => sp.GetRequiredService<ManagementTokenProvider>());
        services.TryAddTransient<ManagementTokenHandler>();
        services.AddMetrics();
        services.TryAddSingleton<ManagementMetrics>();
        services.TryAddSingleton<ManagementCallMonitor>();
        services.TryAddTransient<ManagementMetricsHandler>();
        AddPacing(services, configuration);
        services.TryAddSingleton(sp => new ManagementResiliencePipeline(sp.GetRequiredService<IOptions<ManagementApiOptions>>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<ManagementResiliencePipeline>>(),
            sp.GetRequiredService<RateLimitPacer>(), sp.GetRequiredService<ManagementMetrics>()));

        // Handler order, outermost first: the standard resilience handler (budget, retry, pacer, breaker, attempt timeout), so
        // each retry goes through the token handler (fresh token, 401 refresh); then the token handler; then the metrics handler,
        // which counts every attempt that leaves the portal.
        var management = services.AddHttpClient(ManagementHttpClientName)
            .ConfigureHttpClient((sp, client) =>
            {
                client.BaseAddress = new Uri(sp.GetRequiredService<IOptions<Auth0Options>>().Value.Authority + "/api/v2/", UriKind.Absolute);
                client.Timeout = Timeout.InfiniteTimeSpan;
            });
        management.AddResilienceHandler(ManagementResiliencePipeline.PipelineName,
            static (builder, context) => context.ServiceProvider.GetRequiredService<ManagementResiliencePipeline>().AddTo(builder));
        management.AddHttpMessageHandler<ManagementTokenHandler>()
            .AddHttpMessageHandler<ManagementMetricsHandler>();
        services.AddManagementClient<IUsersClient>((http, time) => new UsersClient(http, time));
        services.AddManagementClient<IJobsClient>((http, time) => new JobsClient(http, time));
        services.AddManagementClient<ITicketsClient>((http, time) => new TicketsClient(http, time));
        services.AddManagementClient<ISessionsClient>((http, time) => new SessionsClient(http, time));
        services.AddManagementClient<IGrantsClient>((http, time) => new GrantsClient(http, time));

        services.AddHttpClient<IAuthenticationApiClient, AuthenticationApiClient>(AuthenticationHttpClientName)
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .AddResilienceHandler(AuthenticationResiliencePipeline.PipelineName, static (builder, context) => AuthenticationResiliencePipeline.AddTo(builder,
                context.ServiceProvider.GetRequiredService<IOptions<ManagementApiOptions>>().Value.AttemptTimeout,
                context.ServiceProvider.GetRequiredService<TimeProvider>()));

        services.TryAddSingleton<PreferenceValidator>();
        services.TryAddSingleton<AppMetadataPresenter>();
        services.AddPortalCache(configuration);
        services.TryAddScoped<IProfileService, ProfileService>();
        // The journeys' uncertain writes settle through the profile service's re-read (ProfileService builds its own, on itself).
        services.TryAddScoped(sp => new WriteReconciler(sp.GetRequiredService<IProfileService>(), sp.GetRequiredService<ILogger<WriteReconciler>>()));
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
        services.AddActivityJourneyCore();
        services.TryAddSingleton<IActionThrottle, ActionThrottle>();

        services.AddOptions<EmailOptions>().Bind(configuration.GetSection(EmailOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EmailOptions>, EmailOptionsValidator>());
        services.AddHttpClient(OutboxEmailSender.HttpClientName)
            .ConfigureHttpClient((sp, client) => client.Timeout = TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<EmailOptions>>().Value.TimeoutSeconds));
        services.TryAddSingleton(sp => new OutboxEmailSender(
            new HttpClientSource(sp.GetRequiredService<IHttpClientFactory>(), OutboxEmailSender.HttpClientName), sp.GetRequiredService<IOptions<EmailOptions>>()));
        services.TryAddSingleton<SmtpEmailSender>();
        services.TryAddSingleton<EmailMetrics>();
        services.TryAddSingleton<IEmailSender>(sp =>
        {
            var delivery = sp.GetRequiredService<IOptions<EmailOptions>>().Value.Delivery;
            IEmailSender sender = delivery == EmailDelivery.LocalTenantOutbox
                ? sp.GetRequiredService<OutboxEmailSender>()
                : sp.GetRequiredService<SmtpEmailSender>();
            return new MeteredEmailSender(sender, delivery, sp.GetRequiredService<EmailMetrics>());
        });
    }

    /// <summary>The portal database (always), and the pacer with its bucket state in Redis when <c>Redis:Configuration</c> is set,
    /// else in the portal database when <c>Auth0:Management:Pacing:Shared</c> is true, else in memory.</summary>
    private static void AddPacing(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PortalDatabaseOptions>().Bind(configuration.GetSection(PortalDatabaseOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PortalDatabaseOptions>, PortalDatabaseOptionsValidator>());
        services.AddDbContextFactory<PortalDbContext>((sp, options) =>
        {
            var database = sp.GetRequiredService<IOptions<PortalDatabaseOptions>>().Value;
            options.UsePortalDatabase(database.Provider, database.EffectiveConnectionString);
        });
        var shared = configuration.GetValue<bool>(ManagementApiOptions.SectionName + ":Pacing:Shared");
        if (!services.TryAddRedisPacing(configuration))
        {
            if (shared)
            {
                services.TryAddSingleton<IRateLimitCoordinator, DatabaseRateLimitCoordinator>();
            }
            else
            {
                services.TryAddSingleton<IRateLimitCoordinator, InMemoryRateLimitCoordinator>();
            }
        }

        services.TryAddSingleton<RateLimitPacer>();
    }

    /// <summary>
    /// A Management API client as a singleton on the named <see cref="ManagementHttpClientName"/> pipeline, taking an
    /// <see cref="HttpClient"/> from the factory per call: a typed client (<c>AddHttpClient&lt;TClient, TImplementation&gt;</c>) is
    /// built with its <see cref="HttpClient"/> on every resolve, so every page view paid for clients that a cached page never uses.
    /// </summary>
    public static IServiceCollection AddManagementClient<TClient>(this IServiceCollection services, Func<HttpClientSource, TimeProvider, TClient> create)
        where TClient : class
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(create);
        services.TryAddSingleton(sp => create(new HttpClientSource(sp.GetRequiredService<IHttpClientFactory>(), ManagementHttpClientName),
            sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
