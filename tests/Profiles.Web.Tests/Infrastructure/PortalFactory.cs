using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Moq;
using Profiles.Core.Profiles;
using Profiles.Web.Health;

namespace Profiles.Web.Tests.Infrastructure;

/// <summary>
/// The portal in-process, pointed at an OIDC provider (the fake one here; the real local tenant later). Settings go in as host
/// configuration, which WebApplicationFactory passes as command-line arguments, so Program sees them before it builds the app
/// (that is where it decides whether to embed the local tenant). Keys are kept flat-valued: every parent section becomes an
/// empty argument too.
/// </summary>
public sealed class PortalFactory(
    string? authority,
    string environment = "Development",
    IDictionary<string, string?>? extraSettings = null,
    Action<IServiceCollection>? configureServices = null,
    bool realProfileService = false)
    : WebApplicationFactory<Program>
{
    static PortalFactory()
    {
        // A test run starts well over a hundred portals; each one's web root file provider (asp-append-version) would hold
        // one of the user's 128 inotify instances until the process ends. Polling watchers hold none.
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
    }

    public Mock<IProfileService> Profiles { get; } = new(MockBehavior.Strict);

    public Mock<IManagementTokenProbe> TokenProbe { get; } = new();

    public CapturingLoggerProvider Logs { get; } = new();

    /// <summary>This portal's own SQLite database file (fresh per factory, deleted with it).</summary>
    public string DatabasePath { get; } = Path.Combine(Path.GetTempPath(), $"profiles-web-tests-{Guid.NewGuid():N}.db");

    public static PortalFactory For(FakeOidcProvider provider, IDictionary<string, string?>? extraSettings = null) =>
        new(provider.BaseUrl, extraSettings: extraSettings);

    /// <summary>A client that speaks HTTPS to the portal (secure cookies work) and does not follow redirects.</summary>
    public HttpClient CreatePortalClient() => CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = new Uri("https://localhost"),
        AllowAutoRedirect = false,
        HandleCookies = true,
    });

    /// <summary>
    /// Starts the portal expecting start-up to fail, and returns every message about why (" | " between them): the exception
    /// the factory threw and each exception the portal logged, with their inner exceptions.
    /// </summary>
    /// <remarks>
    /// The thrown exception alone is not enough. When start-up fails, the program's <c>RunAsync</c> disposes the host; the
    /// factory, still on its way to waiting for that start, may then meet the disposed service provider first and throw an
    /// <see cref="ObjectDisposedException"/> in place of the real error. The host logs the real error ("Hosting failed to
    /// start") before it rethrows, so the logged exceptions always carry it.
    /// </remarks>
    public string StartupFailure()
    {
        var exception = Record.Exception(() => CreatePortalClient());
        Assert.NotNull(exception);
        var messages = new List<string>();
        for (var queue = new Queue<Exception>([exception, .. Logs.Exceptions]); queue.Count > 0;)
        {
            var current = queue.Dequeue();
            messages.Add(current.Message);
            foreach (var inner in current is AggregateException aggregate ? aggregate.InnerExceptions : current.InnerException is { } one ? [one] : [])
            {
                queue.Enqueue(inner);
            }
        }

        return string.Join(" | ", messages);
    }

    protected override IHost CreateHost(IHostBuilder builder)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Auth0:Domain"] = authority,
            ["Auth0:ClientId"] = authority is null ? null : FakeOidcProvider.ClientId,
            ["Auth0:ClientSecret"] = authority is null ? null : FakeOidcProvider.ClientSecret,
            ["PortalDatabase:ConnectionString"] = $"Data Source={DatabasePath}",
            // The in-memory test server is bound to no address; the test clients speak to https://localhost.
            ["Profiles:PublicOrigin"] = "https://localhost",
            // Dozens of portals start in one test run; file watchers on appsettings would exhaust the inotify instances.
            ["hostBuilder:reloadConfigOnChange"] = "false",
            // The portal's own emails go to the authority's outbox (the local tenant has one; the fake provider does not, so
            // tests against it that send email replace IEmailSender).
            ["Profiles:Email:Delivery"] = "LocalTenantOutbox",
            ["Profiles:Email:OutboxUrl"] = Uri.TryCreate(authority, UriKind.Absolute, out _) ? authority : "http://127.0.0.1:9",
            ["Profiles:Email:From"] = "Profiles tests <no-reply@profiles.invalid>",
        };
        foreach (var (key, value) in extraSettings ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        builder.UseEnvironment(environment);
        builder.ConfigureHostConfiguration(config => config.AddInMemoryCollection(settings.Where(s => s.Value is not null)));
        return base.CreateHost(builder);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { DatabasePath, DatabasePath + "-wal", DatabasePath + "-shm" })
        {
            File.Delete(file);
        }

        GC.SuppressFinalize(this);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder) =>
        // Serilog hands every event it writes (its levels, from the portal's configuration) to the providers registered here.
        builder.ConfigureLogging(logging => logging.AddProvider(Logs))
            .ConfigureTestServices(services =>
        {
            if (!realProfileService)
            {
                services.AddSingleton(Profiles.Object);
            }

            services.AddSingleton(TokenProbe.Object);
            configureServices?.Invoke(services);
        });
}
