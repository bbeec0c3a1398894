using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Profiles.Core.Authentication;
using Profiles.Core.DependencyInjection;
using Profiles.Core.Management;

namespace Profiles.Core.Tests.Infrastructure;

/// <summary><c>AddProfilesCore</c> as the portal registers it, on a fake clock, with <paramref name="tenant"/> as the network for
/// the Management, token and Authentication API clients.</summary>
public static class CoreServices
{
    public static ServiceProvider Build(FakeTimeProvider time, StubHandler tenant, Dictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Auth0:Domain"] = "tenant.example",
            ["Auth0:ClientId"] = "portal",
            ["Auth0:ClientSecret"] = "portal-secret",
        };
        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }

        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<TimeProvider>(time);
        services.AddProfilesCore(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddHttpClient(ProfilesCoreServiceCollectionExtensions.ManagementHttpClientName).ConfigurePrimaryHttpMessageHandler(() => tenant);
        services.AddHttpClient(ManagementTokenProvider.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => tenant);
        services.AddHttpClient<IAuthenticationApiClient, AuthenticationApiClient>(ProfilesCoreServiceCollectionExtensions.AuthenticationHttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => tenant);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    /// <summary>The token endpoint answers; every other request goes to <paramref name="api"/>.</summary>
    public static StubHandler Tenant(Func<RecordedRequest, CancellationToken, Task<HttpResponseMessage>> api) =>
        new((request, cancellationToken) => request.Uri.AbsolutePath == "/oauth/token"
            ? Task.FromResult(StubHandler.Json(System.Net.HttpStatusCode.OK, """{"access_token":"m2m-token","expires_in":86400,"token_type":"Bearer"}"""))
            : api(request, cancellationToken));
}
