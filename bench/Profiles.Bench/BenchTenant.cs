using Microsoft.Extensions.DependencyInjection;
using Profiles.LocalTenant.Data;
using Profiles.LocalTenant.Faults;
using Profiles.LocalTenant.Hosting;
using Profiles.LocalTenant.RateLimiting;

namespace Profiles.Bench;

/// <summary>One in-process local tenant (real Kestrel on 127.0.0.1) with a pool of users, one per save of a run, so that
/// duplicate side effects show up as a second 2xx PATCH to the same user.</summary>
public sealed class BenchTenant : IAsyncDisposable
{
    private readonly EmbeddedLocalTenant _tenant;

    private BenchTenant(EmbeddedLocalTenant tenant, IReadOnlyList<string> userIds)
    {
        _tenant = tenant;
        UserIds = userIds;
    }

    public IReadOnlyList<string> UserIds { get; }

    public string BaseUrl => _tenant.BaseUrl;

    public static async Task<BenchTenant> StartAsync(int users, int latencyMs, int jitterMs)
    {
        var tenant = await EmbeddedLocalTenant.StartAsync("Development", options =>
        {
            options.DatabasePath = null;
            options.Plan = PlanProfiles.Off;
            options.Faults.LatencyMs = latencyMs;
            options.Faults.JitterMs = jitterMs;
        });
        var ids = new List<string>(users);
        var now = TimeProvider.System.GetUtcNow();
        tenant.Store.Write(writer =>
        {
            for (var i = 0; i < users; i++)
            {
                var local = $"bench{i:D7}";
                var identity = new TenantIdentity { Connection = "Username-Password-Authentication", Provider = "auth0", UserId = local };
                writer.Save(new TenantUser
                {
                    UserId = identity.FullUserId,
                    Email = $"{local}@bench.example",
                    Name = local,
                    Nickname = local,
                    CreatedAt = now,
                    UpdatedAt = now,
                    Identities = [identity],
                });
                ids.Add(identity.FullUserId);
            }
        });
        return new BenchTenant(tenant, ids);
    }

    /// <summary>Switches the plan (every bucket starts full) and clears the request log.</summary>
    public void Reset(string plan)
    {
        _tenant.Services.GetRequiredService<RateLimitRegistry>().SetPlan(plan);
        _tenant.Services.GetRequiredService<RequestLog>().Clear();
    }

    public IReadOnlyList<LoggedRequest> Requests => _tenant.Services.GetRequiredService<RequestLog>().All;

    public ValueTask DisposeAsync() => _tenant.DisposeAsync();
}
