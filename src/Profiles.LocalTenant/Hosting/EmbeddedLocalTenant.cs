using Microsoft.Extensions.Options;
using Profiles.LocalTenant.Data;
using Profiles.LocalTenant.Security;

namespace Profiles.LocalTenant.Hosting;

/// <summary>
/// The local tenant running inside another process (the portal's embedded default, tests, benchmarks):
/// its own Kestrel server on 127.0.0.1, so everything that talks to it goes over real HTTP.
/// </summary>
public sealed class EmbeddedLocalTenant : IAsyncDisposable
{
    private readonly WebApplication _app;

    private EmbeddedLocalTenant(WebApplication app)
    {
        _app = app;
        BaseUrl = app.Services.GetRequiredService<TenantUrls>().BaseUrl;
    }

    /// <summary>Base URL without trailing slash, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string BaseUrl { get; }

    /// <summary>The tenant's domain as the portal configures it (host and port, no scheme).</summary>
    public string Domain => new Uri(BaseUrl).Authority;

    public IServiceProvider Services => _app.Services;

    public TenantStore Store => _app.Services.GetRequiredService<TenantStore>();

    /// <summary>In HTTPS mode, the development CA (PEM) clients must trust; otherwise null.</summary>
    public string? CertificateAuthorityPath => _app.Services.GetRequiredService<TenantHttps>().Certificates?.CaPath;

    public LocalTenantOptions Options => _app.Services.GetRequiredService<IOptions<LocalTenantOptions>>().Value;

    /// <summary>Starts a tenant. <paramref name="url"/> defaults to a free port on 127.0.0.1. <paramref name="timeProvider"/> is
    /// the tenant's clock (sessions, codes, tokens, tickets, rate limits, injected latency); the system clock when null. Tests
    /// pass a fake clock, often the one the portal under test uses, to move time instead of waiting.</summary>
    public static async Task<EmbeddedLocalTenant> StartAsync(string environmentName, Action<LocalTenantOptions>? configure = null,
        string url = "http://127.0.0.1:0", Action<WebApplicationBuilder>? configureBuilder = null, TimeProvider? timeProvider = null,
        CancellationToken cancellationToken = default)
    {
        LocalTenantGuard.EnsureDevelopmentOrTesting(environmentName);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            EnvironmentName = environmentName,
            ApplicationName = typeof(EmbeddedLocalTenant).Assembly.GetName().Name,
            // An embedded tenant takes its settings in code; watching appsettings files would cost an inotify instance per
            // tenant, and test runs start dozens of them.
            Args = ["--hostBuilder:reloadConfigOnChange=false"],
        });
        builder.WebHost.UseUrls(url);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        if (timeProvider is not null)
        {
            builder.Services.AddSingleton(timeProvider);
        }

        configureBuilder?.Invoke(builder);
        var app = LocalTenantApp.Build(builder, configure);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        return new EmbeddedLocalTenant(app);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        // Disposing the application disposes its singletons, the store among them.
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
