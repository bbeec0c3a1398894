using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Profiles.Core.Authenticators;
using Profiles.Core.Management;
using Profiles.Core.Resilience;
using Profiles.Core.Settings;

namespace Profiles.Core.DependencyInjection;

/// <summary>Registers the two-step verification journey: its service, the My Account API client and the Management client for
/// authentication methods; the host adds its <see cref="IAuthenticatorsNotice"/> (texts are the web layer's).</summary>
public static class AuthenticatorsJourneyCoreServiceCollectionExtensions
{
    /// <summary>Name of the My Account API <see cref="HttpClient"/> (attempt timeout, no retries).</summary>
    public const string MyAccountHttpClientName = "Profiles.Auth0.MyAccount";

    /// <summary>Name of the My Account API client's resilience pipeline.</summary>
    public const string MyAccountPipelineName = "my-account";

    public static IServiceCollection AddAuthenticatorsJourneyCore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<AuthenticatorsOptions>().Bind(configuration.GetSection(AuthenticatorsOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddManagementClient<IAuthenticationMethodsClient>((http, time) => new AuthenticationMethodsClient(http, time));
        // No retries: the My Account API's limits are per user and low (2 a minute on the Free plan), so a retry would spend the
        // user's budget. The pacing handler holds every instance back for that user when Auth0 says the bucket is empty.
        var myAccount = services.AddHttpClient(MyAccountHttpClientName)
            .ConfigureHttpClient((sp, client) =>
            {
                client.BaseAddress = new Uri(sp.GetRequiredService<IOptions<Auth0Options>>().Value.Authority + "/me/v1/", UriKind.Absolute);
                client.Timeout = Timeout.InfiniteTimeSpan;
            });
        myAccount.AddResilienceHandler(MyAccountPipelineName, static (builder, context) => AuthenticationResiliencePipeline.AddTo(builder,
                context.ServiceProvider.GetRequiredService<IOptions<ManagementApiOptions>>().Value.AttemptTimeout,
                context.ServiceProvider.GetRequiredService<TimeProvider>()));
        myAccount.AddHttpMessageHandler<MyAccountPacingHandler>();
        services.TryAddTransient<MyAccountPacingHandler>();
        services.TryAddSingleton<IMyAccountClient>(sp => new MyAccountClient(
            new HttpClientSource(sp.GetRequiredService<IHttpClientFactory>(), MyAccountHttpClientName), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<KnownAuthenticators>();
        services.TryAddSingleton<AuthenticatorDescriber>();
        services.TryAddSingleton<AuthenticatorStateStore>();
        services.TryAddScoped<AuthenticatorsNotifier>();
        services.TryAddScoped<IAuthenticatorsService, AuthenticatorsService>();
        return services;
    }
}
