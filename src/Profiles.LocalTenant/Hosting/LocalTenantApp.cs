using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Profiles.LocalTenant.Authentication;
using Profiles.LocalTenant.Data;
using Profiles.LocalTenant.Faults;
using Profiles.LocalTenant.Login;
using Profiles.LocalTenant.Management;
using Profiles.LocalTenant.Outbox;
using Profiles.LocalTenant.RateLimiting;
using Profiles.LocalTenant.Security;
using Profiles.LocalTenant.Seed;

namespace Profiles.LocalTenant.Hosting;

/// <summary>Builds the local tenant's web application: standalone (<see cref="Program"/>) or embedded (<see cref="EmbeddedLocalTenant"/>).</summary>
public static class LocalTenantApp
{
    /// <summary>Builds the tenant. <paramref name="configure"/> adjusts options after configuration binding.</summary>
    public static WebApplication Build(WebApplicationBuilder builder, Action<LocalTenantOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        LocalTenantGuard.EnsureDevelopmentOrTesting(builder.Environment.EnvironmentName);

        builder.Services.AddOptions<LocalTenantOptions>()
            .Bind(builder.Configuration.GetSection(LocalTenantOptions.SectionName))
            .Configure(o => configure?.Invoke(o))
            .Validate(o => RateLimiting.PlanProfiles.IsKnown(o.Plan), "LocalTenant:Plan must be free, essentials, enterprise or off.")
            .ValidateOnStart();

        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<LocalTenantOptions>>().Value;
            return SeedLoader.Read(options.SeedPath);
        });
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<LocalTenantOptions>>().Value;
            var time = sp.GetRequiredService<TimeProvider>();
            var store = TenantStore.Open(options.DatabasePath);
            store.Write(w =>
            {
                if (store.WasEmpty)
                {
                    SeedLoader.Apply(w, sp.GetRequiredService<SeedFile>(), time.GetUtcNow());
                }

                foreach (var client in options.AdditionalClients)
                {
                    w.Save(client);
                }
            });
            return store;
        });
        services.AddSingleton<DemoAccounts>();
        services.AddSingleton<TenantUrls>();
        services.AddSingleton<SigningKeys>();
        services.AddSingleton<TokenService>();
        services.AddSingleton<OutboxService>();
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "lt_af";
            o.FormFieldName = "__lt_af";
        });
        services.AddAuthenticationApi();
        services.AddLoginUi();
        services.AddManagementApi();
        services.AddTenantRateLimiting();
        services.AddTenantFaults();

        var app = builder.Build();
        app.Lifetime.ApplicationStarted.Register(() => ResolveBaseUrl(app));
        app.UseTenantFaults();
        app.UseTenantRateLimits();
        app.MapGet("/", () => Results.Redirect("/login/demo-accounts"));
        app.MapAuthenticationApi();
        app.MapLoginUi();
        app.MapManagementApi();
        app.MapOutbox();
        if (app.Services.GetRequiredService<IOptions<LocalTenantOptions>>().Value.EnableControlEndpoints)
        {
            app.MapControlEndpoints();
        }

        return app;
    }

    private static void ResolveBaseUrl(WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<LocalTenantOptions>>().Value;
        var address = options.PublicUrl
            ?? app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("The local tenant has no address; pass --urls or LocalTenant:PublicUrl.");
        app.Services.GetRequiredService<TenantUrls>().Set(address.Replace("://localhost:", "://127.0.0.1:", StringComparison.Ordinal));
    }
}
