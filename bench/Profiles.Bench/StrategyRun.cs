using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Profiles.Core.DependencyInjection;
using Profiles.Core.Management;
using Profiles.Core.Management.Models;
using Profiles.Core.Pacing;

namespace Profiles.Bench;

/// <summary>Drives one workload through the real <see cref="IUsersClient.UpdateAsync"/>, built by <c>AddProfilesCore</c>, with
/// the handler chain of one strategy.</summary>
public static class StrategyRun
{
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(30);

    public static async Task<IReadOnlyList<SaveOutcome>> RunAsync(Strategy strategy, PlanUnderTest plan, BenchTenant tenant, Workload workload)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Auth0:Domain"] = tenant.BaseUrl,
            ["Auth0:ClientId"] = "profiles-portal-dev",
            ["Auth0:ClientSecret"] = "local-tenant-development-only-secret",
            ["Auth0:Management:RequestBudget"] = Budget.ToString(),
            ["Auth0:Management:Pacing:Plan"] = plan.Name,
            ["Auth0:Management:Pacing:AdmissionDeadline"] = Budget.ToString(),
        }).Build();
        var services = new ServiceCollection().AddLogging(logging => logging.SetMinimumLevel(LogLevel.Error));
        services.AddProfilesCore(configuration);
        services.AddHttpClient(ProfilesCoreServiceCollectionExtensions.ManagementHttpClientName)
            .ConfigureAdditionalHttpMessageHandlers((handlers, sp) =>
            {
                if (strategy == Strategy.Ours)
                {
                    return;
                }

                handlers.Remove(handlers.Single(h => h is ResilienceHandler));
                handlers.Insert(0, new BudgetHandler(Budget));
                if (strategy == Strategy.Standard)
                {
                    handlers.Insert(1, new StandardRetryHandler(Budget));
                }
                else if (strategy == Strategy.Auth0Sdk)
                {
                    handlers.Insert(1, new Auth0SdkRetryHandler(TimeProvider.System));
                }
            });
        await using var provider = services.BuildServiceProvider();
        var users = provider.GetRequiredService<IUsersClient>();
        // The token is fetched before the clock starts: the runs measure the Management API bucket, not /oauth/token.
        await FetchTokenAsync(provider.GetRequiredService<IManagementTokenProvider>());
        await WarmConnectionsAsync(provider, tenant, Math.Min(workload.Arrivals.Count, 64));

        var clock = Stopwatch.StartNew();
        var saves = new List<Task<SaveOutcome>>(workload.Arrivals.Count);
        for (var i = 0; i < workload.Arrivals.Count; i++)
        {
            var arrival = workload.Arrivals[i];
            var wait = arrival - clock.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait);
            }

            saves.Add(SaveAsync(users, tenant.UserIds[i], clock, clock.Elapsed));
        }

        return await Task.WhenAll(saves);
    }

    /// <summary>A tenant's first token answer can take longer than one attempt's timeout on a busy machine (cold start); the
    /// clock has not started yet, so asking again costs the measurement nothing.</summary>
    internal static async Task FetchTokenAsync(IManagementTokenProvider tokens)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await tokens.GetTokenAsync(CancellationToken.None);
                return;
            }
            catch (ManagementApiException ex) when (attempt < 5 && ex.IsTransient)
            {
                Console.WriteLine($"    token request failed before the run ({ex.ErrorCode}); asking again");
            }
        }
    }

    /// <summary>Opens the connections a burst will use, through the same handler chain, on a path outside the Management API
    /// (neither the tenant nor the pacer counts it), so that the measured latencies are not TCP set-up on two busy cores.</summary>
    internal static async Task WarmConnectionsAsync(ServiceProvider provider, BenchTenant tenant, int connections)
    {
        var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient(ProfilesCoreServiceCollectionExtensions.ManagementHttpClientName);
        var jwks = new Uri(tenant.BaseUrl + "/.well-known/jwks.json");
        await Task.WhenAll(Enumerable.Range(0, connections).Select(async _ =>
        {
            using var response = await client.GetAsync(jwks);
        }));
    }

    private static async Task<SaveOutcome> SaveAsync(IUsersClient users, string userId, Stopwatch clock, TimeSpan arrival)
    {
        await Task.Yield();
        var update = new UserUpdateRequest { UserMetadata = new JsonObject { ["bench_op"] = Guid.NewGuid().ToString("N") } };
        try
        {
            await users.UpdateAsync(userId, update, CancellationToken.None);
            return new SaveOutcome(arrival, clock.Elapsed, true, "");
        }
        catch (ManagementApiException ex)
        {
            var failure = ex.ErrorCode == PacingRejection.ErrorCode && ex.ApiMessage == PacingRejection.Message ? "paced" : ex.ErrorCode ?? ((int)ex.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return new SaveOutcome(arrival, clock.Elapsed, false, failure);
        }
    }
}
