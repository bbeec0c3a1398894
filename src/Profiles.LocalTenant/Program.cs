using Profiles.LocalTenant.Hosting;

namespace Profiles.LocalTenant;

/// <summary>Runs the local tenant standalone: <c>dotnet run --project src/Profiles.LocalTenant [--urls http://127.0.0.1:5301] [--https]</c>.</summary>
public static class Program
{
    public const string DefaultUrl = "http://127.0.0.1:5301";

    public static async Task Main(string[] args)
    {
        // "--https" is a switch; configuration binding wants a key and a value.
        args = [.. args.Select(a => string.Equals(a, "--https", StringComparison.OrdinalIgnoreCase) ? "--LocalTenant:Https=true" : a)];
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
        try
        {
            await app.StartAsync().ConfigureAwait(false);
            if (app.Services.GetRequiredService<TenantHttps>().Certificates is { } certificates)
            {
                // Printed rather than logged: it is the instruction a developer copies into another shell.
                await Console.Out.WriteLineAsync(TenantHttps.Instructions(certificates, app.Services.GetRequiredService<Security.TenantUrls>().BaseUrl))
                    .ConfigureAwait(false);
            }

            await app.WaitForShutdownAsync().ConfigureAwait(false);
        }
        finally
        {
            await app.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static bool EnvironmentIsExplicit(string[] args)
        => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT"))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT"))
            || args.Any(a => a.StartsWith("--environment", StringComparison.OrdinalIgnoreCase));
}
