using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Profiles.Core.Authentication;
using Profiles.Core.DependencyInjection;
using Profiles.Core.Management;
using Profiles.Core.Profiles;
using Profiles.Core.Tests.Infrastructure;

namespace Profiles.Core.Tests.Configuration;

public sealed class AddProfilesCoreTests
{
    private static IConfiguration Configuration(string domain = "http://127.0.0.1:5999") => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Auth0:Domain"] = domain,
            ["Auth0:ClientId"] = "portal",
            ["Auth0:ClientSecret"] = "portal-secret",
            ["Profiles:Preferences:Fields:0:Key"] = "language",
            ["Profiles:Preferences:Fields:0:Type"] = "select",
            ["Profiles:Preferences:Fields:0:Options:0:Value"] = "en",
        })
        .Build();

    [Fact]
    public async Task Clients_go_through_token_and_resilience_handlers_to_the_configured_tenant()
    {
        var tenant = new StubHandler((request, _) => Task.FromResult(request.Uri.AbsolutePath == "/oauth/token"
            ? StubHandler.Json(HttpStatusCode.OK, """{"access_token":"m2m-token","expires_in":86400,"token_type":"Bearer"}""")
            : request.Index == 1
                ? StubHandler.Json(HttpStatusCode.ServiceUnavailable, """{"statusCode":503,"error":"Service Unavailable","message":"down"}""")
                : StubHandler.Json(HttpStatusCode.OK, Fixtures.DatabaseUser)));
        var services = new ServiceCollection().AddLogging();
        services.AddProfilesCore(Configuration());
        services.AddHttpClient(ProfilesCoreServiceCollectionExtensions.ManagementHttpClientName).ConfigurePrimaryHttpMessageHandler(() => tenant);
        services.AddHttpClient(ManagementTokenProvider.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => tenant);
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        await using var scope = provider.CreateAsyncScope();

        var profile = await scope.ServiceProvider.GetRequiredService<IProfileService>().GetProfileAsync(Fixtures.DatabaseUserId, CancellationToken.None);

        Assert.Equal("Chucky", profile.Nickname);
        Assert.Equal("http://127.0.0.1:5999/oauth/token", tenant.Requests[0].Uri.ToString());
        Assert.Contains("audience=http%3A%2F%2F127.0.0.1%3A5999%2Fapi%2Fv2%2F", tenant.Requests[0].Body, StringComparison.Ordinal);
        Assert.Equal("http://127.0.0.1:5999/api/v2/users/auth0%7C63d17c4a9d503d76c056c160", tenant.Requests[1].Uri.AbsoluteUri);
        Assert.Equal("m2m-token", tenant.Requests[1].BearerToken);
        Assert.Equal(3, tenant.Requests.Count);
    }

    [Fact]
    public void Every_public_service_resolves()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddProfilesCore(Configuration("tenant.example"));
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        using var scope = provider.CreateScope();

        Assert.NotNull(scope.ServiceProvider.GetRequiredService<IUsersClient>());
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<IJobsClient>());
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<ITicketsClient>());
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<ISessionsClient>());
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<IGrantsClient>());
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<IAuthenticationApiClient>());
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<Core.Preferences.AppMetadataPresenter>());
        Assert.Same(provider.GetRequiredService<IManagementTokenProvider>(), provider.GetRequiredService<ManagementTokenProvider>());
        Assert.Equal("https://tenant.example/api/v2/", provider.GetRequiredService<IOptions<Core.Settings.ManagementApiOptions>>().Value.Audience);
    }

    [Fact]
    public void Missing_settings_stop_start_up_with_named_messages()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddProfilesCore(new ConfigurationBuilder().Build());
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<Core.Settings.Auth0Options>>().Value);

        Assert.Contains("Auth0:Domain is missing", error.Message, StringComparison.Ordinal);
        Assert.Contains("Auth0:ClientId is missing", error.Message, StringComparison.Ordinal);
    }
}
