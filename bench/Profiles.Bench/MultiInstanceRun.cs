using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Profiles.Core.DependencyInjection;
using Profiles.Core.Management;
using Profiles.Core.Management.Models;
using Profiles.Core.Pacing;

namespace Profiles.Bench;

/// <summary>Three portal instances (three service providers built by <c>AddProfilesCore</c>, each with its own pacer, token and
/// connections) saving against one tenant at the same time: either sharing their buckets through Redis, or each pacing alone.</summary>
public static class MultiInstanceRun
{
    public const int Instances = 3;

    /// <summary>Runs every instance's arrivals at once; returns each instance's outcomes.</summary>
    public static async Task<IReadOnlyList<IReadOnlyList<SaveOutcome>>> RunAsync(PlanUnderTest plan, BenchTenant tenant, IReadOnlyList<Workload> perInstance, string? redis,
        LeaseLog leases)
    {
        ArgumentNullException.ThrowIfNull(perInstance);
        var providers = new List<ServiceProvider>();
        try
        {
            var offset = 0;
            var runs = new List<(IUsersClient Users, Workload Workload, int FirstUser)>();
            foreach (var workload in perInstance)
            {
                var provider = Build(plan, tenant, redis, leases, providers.Count);
                providers.Add(provider);
                // Token and connections before the clock starts, as in the single-instance runs.
                await StrategyRun.FetchTokenAsync(provider.GetRequiredService<IManagementTokenProvider>());
                await StrategyRun.WarmConnectionsAsync(provider, tenant, 16);
                runs.Add((provider.GetRequiredService<IUsersClient>(), workload, offset));
                offset += workload.Arrivals.Count;
            }

            var clock = Stopwatch.StartNew();
            leases.Restart();
            return await Task.WhenAll(runs.Select(run => DriveAsync(run.Users, run.Workload, tenant, run.FirstUser, clock)));
        }
        finally
        {
            foreach (var provider in providers)
            {
                await provider.DisposeAsync();
            }
        }
    }

    private static ServiceProvider Build(PlanUnderTest plan, BenchTenant tenant, string? redis, LeaseLog leases, int instance)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Auth0:Domain"] = tenant.BaseUrl,
            ["Auth0:ClientId"] = "profiles-portal-dev",
            ["Auth0:ClientSecret"] = "local-tenant-development-only-secret",
            ["Auth0:Management:RequestBudget"] = StrategyRun.Budget.ToString(),
            ["Auth0:Management:Pacing:Plan"] = plan.Name,
            ["Auth0:Management:Pacing:AdmissionDeadline"] = StrategyRun.Budget.ToString(),
        };
        if (redis is not null)
        {
            settings["Redis:Configuration"] = redis;
        }

        var services = new ServiceCollection().AddLogging(logging => logging.SetMinimumLevel(LogLevel.Error));
        services.AddProfilesCore(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        var coordinator = services.Single(d => d.ServiceType == typeof(IRateLimitCoordinator));
        services.Remove(coordinator);
        services.AddSingleton<IRateLimitCoordinator>(sp => new RecordingCoordinator(
            (IRateLimitCoordinator)ActivatorUtilities.CreateInstance(sp, coordinator.ImplementationType!), instance, leases));
        return services.BuildServiceProvider();
    }

    private static async Task<IReadOnlyList<SaveOutcome>> DriveAsync(IUsersClient users, Workload workload, BenchTenant tenant, int firstUser, Stopwatch clock)
    {
        var saves = new List<Task<SaveOutcome>>(workload.Arrivals.Count);
        for (var i = 0; i < workload.Arrivals.Count; i++)
        {
            var wait = workload.Arrivals[i] - clock.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait);
            }

            saves.Add(SaveAsync(users, tenant.UserIds[firstUser + i], clock, clock.Elapsed));
        }

        return await Task.WhenAll(saves);
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
            return new SaveOutcome(arrival, clock.Elapsed, false, ex.ErrorCode ?? "error");
        }
    }
}
