using Profiles.LocalTenant.Hosting;

namespace Profiles.LocalTenant;

/// <summary>Runs the local tenant standalone: <c>dotnet run --project src/Profiles.LocalTenant [--urls http://127.0.0.1:5301]</c>.</summary>
public static class Program
{
    public const string DefaultUrl = "http://127.0.0.1:5301";

    public static async Task Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            // Unlike other ASP.NET Core apps, an unset environment means Development: the tenant refuses Production.
            EnvironmentName = EnvironmentIsExplicit(args) ? null : Environments.Development,
        });
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        var app = LocalTenantApp.Build(builder);
        await app.RunAsync().ConfigureAwait(false);
    }

    private static bool EnvironmentIsExplicit(string[] args)
        => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT"))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT"))
            || args.Any(a => a.StartsWith("--environment", StringComparison.OrdinalIgnoreCase));
}
