using Profiles.Web.Hosting;
using Profiles.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
PortalLogging.Configure(builder);

#if LOCAL_TENANT
// Development without an Auth0 domain: run the local tenant in-process (never in Production). Published builds leave this
// out entirely (Profiles.Web.csproj, IncludeLocalTenant).
var localTenant = await EmbeddedTenantBootstrap.StartIfNeededAsync(builder, CancellationToken.None).ConfigureAwait(false);
#else
IAsyncDisposable? localTenant = null;
#endif
try
{
    builder.Services.AddPortal(builder.Configuration, builder.Environment);
    var app = builder.Build();
    app.UsePortal();
    await app.RunAsync().ConfigureAwait(false);
}
finally
{
    if (localTenant is not null)
    {
        await localTenant.DisposeAsync().ConfigureAwait(false);
    }
}

/// <summary>Entry point, visible to WebApplicationFactory.</summary>
public partial class Program;
