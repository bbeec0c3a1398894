using Microsoft.Extensions.DependencyInjection;
using Profiles.LocalTenant.Faults;
using Profiles.LocalTenant.Hosting;
using Profiles.LocalTenant.RateLimiting;

namespace Profiles.Web.Tests.Hardening;

/// <summary>
/// Decides, request by request, which of the local tenant's own fault modes applies to the portal's next Management API call
/// (set in-process on the tenant's <see cref="FaultInjector"/> and <see cref="RateLimitRegistry"/> just before the request
/// leaves the portal), so a seeded test is reproducible. Faults apply to the writes (PATCH, POST, DELETE) of a step and to the
/// re-read that follows a write whose answer was lost; every other request (page loads, the read before the write) is clean.
/// </summary>
public sealed class ScriptedTenantFaults(EmbeddedLocalTenant tenant)
{
    private readonly Lock _lock = new();
    private readonly Queue<TenantFault> _writes = new();
    private readonly Queue<TenantFault> _rereads = new();
    private bool _lastWriteLost;
    private bool _rereadDone;
    private int _rereadAttempts;

    /// <summary>Attempts per call with the portal's <c>MaxRetries</c> set to 1 (see <see cref="Settings"/>).</summary>
    public const int MaxAttempts = 2;

    /// <summary>Portal settings that make each step quick and deterministic: one retry, no breaker, no client-side pacing.</summary>
    public static IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Auth0:Management:MaxRetries"] = "1",
        ["Auth0:Management:BreakerMinimumThroughput"] = "100000",
        ["Auth0:Management:Pacing:Plan"] = "off",
    };

    /// <summary>True when a re-read followed a lost write in this step.</summary>
    public bool Reread { get; private set; }

    /// <summary>True when the re-read happened and every attempt of it failed.</summary>
    public bool RereadFailed { get; private set; }

    /// <summary>Starts a step: the faults for the write's attempts and for the re-read's attempts, in order.</summary>
    public void Plan(IEnumerable<TenantFault> writes, IEnumerable<TenantFault> rereads)
    {
        lock (_lock)
        {
            _writes.Clear();
            _rereads.Clear();
            foreach (var fault in writes)
            {
                _writes.Enqueue(fault);
            }

            foreach (var fault in rereads)
            {
                _rereads.Enqueue(fault);
            }

            _lastWriteLost = false;
            _rereadDone = false;
            _rereadAttempts = 0;
            Reread = false;
            RereadFailed = false;
        }
    }

    /// <summary>The handler to put innermost on the portal's Management API client.</summary>
    public DelegatingHandler CreateHandler() => new Handler(this);

    private TenantFault Before(HttpRequestMessage request)
    {
        lock (_lock)
        {
            if (request.Method != HttpMethod.Get)
            {
                return _writes.TryDequeue(out var write) ? write : TenantFault.None;
            }

            if (!_lastWriteLost || _rereadDone)
            {
                return TenantFault.None;
            }

            Reread = true;
            return _rereads.TryDequeue(out var read) ? read : TenantFault.None;
        }
    }

    private void After(HttpRequestMessage request, int status)
    {
        lock (_lock)
        {
            var ok = status is >= 200 and < 300;
            if (request.Method != HttpMethod.Get)
            {
                // 429 and 4xx say the request was not processed: no re-read follows.
                _lastWriteLost = status == 0 || status >= 500;
                return;
            }

            if (_lastWriteLost && !_rereadDone)
            {
                RereadFailed = !ok;
                // The client retries a failed re-read at most once (MaxRetries = 1); after that the page's own reads follow.
                _rereadDone = ok || ++_rereadAttempts >= MaxAttempts;
            }
        }
    }

    private void Apply(TenantFault fault, HttpRequestMessage request)
    {
        var faults = tenant.Services.GetRequiredService<FaultInjector>();
        var limits = tenant.Services.GetRequiredService<RateLimitRegistry>();
        faults.Set(fault switch
        {
            TenantFault.ServerError => new FaultSettings { ServerErrorRate = 1 },
            TenantFault.ServerErrorAfterEffect => new FaultSettings { ServerErrorRate = 1, FaultAfterEffect = true },
            TenantFault.Drop => new FaultSettings { DropRate = 1 },
            TenantFault.DropAfterEffect => new FaultSettings { DropRate = 1, FaultAfterEffect = true },
            _ => new FaultSettings(),
        });
        if (fault == TenantFault.RateLimited)
        {
            limits.SetPlan(PlanProfiles.Free);
            var kind = RequestKind.Classify(request.Method.Method, request.RequestUri!.AbsolutePath);
            for (var i = 0; i < 100 && limits.TryAcquire(kind, _ => "tenant") is { Allowed: true }; i++)
            {
            }
        }
    }

    private void Clear()
    {
        tenant.Services.GetRequiredService<FaultInjector>().Set(new FaultSettings());
        tenant.Services.GetRequiredService<RateLimitRegistry>().SetPlan(PlanProfiles.Off);
    }

    private sealed class Handler(ScriptedTenantFaults script) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var fault = script.Before(request);
            script.Apply(fault, request);
            var status = 0;
            try
            {
                var response = await base.SendAsync(request, cancellationToken);
                status = (int)response.StatusCode;
                return response;
            }
            finally
            {
                script.Clear();
                script.After(request, status);
            }
        }
    }
}
