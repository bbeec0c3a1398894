using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Profiles.LocalTenant.Authentication;
using Profiles.LocalTenant.Data;
using Profiles.LocalTenant.Faults;
using Profiles.LocalTenant.Localization;
using Profiles.LocalTenant.Login;
using Profiles.LocalTenant.Management;
using Profiles.LocalTenant.MyAccount;
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
            .Validate(o => o.BruteForceThreshold is >= 0 and <= 100, "LocalTenant:BruteForceThreshold must be between 0 (off) and 100.")
            .ValidateOnStart();

        var services = builder.Services;
        // The host may have registered its own clock first (EmbeddedLocalTenant.StartAsync's timeProvider, a test's fake one).
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(new TenantHttps(UseHttpsIfAsked(builder, configure)));
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
        services.AddSingleton<BruteForceProtection>();
        // A development and test tenant needs no key ring on disk: its antiforgery tokens and login cookies only have to
        // outlive one run, and nothing is written that the framework would warn about storing unencrypted.
        services.AddDataProtection().UseEphemeralDataProtectionProvider();
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "lt_af";
            o.FormFieldName = "__lt_af";
        });
        services.AddAuthenticationApi();
        services.AddLoginUi();
        services.AddManagementApi();
        services.AddMyAccountApi();
        services.AddTenantRateLimiting();
        services.AddTenantFaults();

        var app = builder.Build();
        app.Lifetime.ApplicationStarted.Register(() => ResolveBaseUrl(app));
        app.UseTenantCultures();
        app.UseTenantFaults();
        app.UseTenantRateLimits();
        app.MapGet("/", () => Results.Redirect("/login/demo-accounts"));
        app.MapAuthenticationApi();
        app.MapLoginUi();
        app.MapManagementApi();
        app.MapMyAccountApi();
        app.MapOutbox();
        if (app.Services.GetRequiredService<IOptions<LocalTenantOptions>>().Value.EnableControlEndpoints)
        {
            app.MapControlEndpoints();
        }

        return app;
    }

    /// <summary>In HTTPS mode: the development certificates, Kestrel's default certificate, and the bound URLs switched to https.</summary>
    private static DevelopmentCertificates? UseHttpsIfAsked(WebApplicationBuilder builder, Action<LocalTenantOptions>? configure)
    {
        // Kestrel is configured before the options container exists, so the settings are read here the same way it will read them.
        var options = new LocalTenantOptions();
        builder.Configuration.GetSection(LocalTenantOptions.SectionName).Bind(options);
        configure?.Invoke(options);
        if (!options.Https)
        {
            return null;
        }

        var certificates = DevelopmentCertificates.Ensure(options.ResolveCertificatesPath(), TimeProvider.System);
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureHttpsDefaults(https => https.ServerCertificate = certificates.ServerCertificate));
        var urls = builder.WebHost.GetSetting(WebHostDefaults.ServerUrlsKey);
        if (!string.IsNullOrEmpty(urls))
        {
            builder.WebHost.UseUrls(urls.Replace("http://", "https://", StringComparison.OrdinalIgnoreCase));
        }

        return certificates;
    }

    private static void ResolveBaseUrl(WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<LocalTenantOptions>>().Value;
        var address = options.PublicUrl
            ?? app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("The local tenant has no address; pass --urls or LocalTenant:PublicUrl.");
        // The host is kept as given: a tenant bound to localhost is addressed as localhost, so its WebAuthn relying party ID is a
        // host name browsers accept (they refuse an IP address such as 127.0.0.1 as relying party ID).
        app.Services.GetRequiredService<TenantUrls>().Set(address);
    }
}
