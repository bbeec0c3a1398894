using Profiles.LocalTenant.Data;

namespace Profiles.LocalTenant.Logs;

/// <summary>Records the tenant's log events about users, as Auth0 does, for <c>GET /api/v2/users/{id}/logs</c>.</summary>
public sealed class TenantLogs(TenantStore store, TimeProvider time)
{
    private long _sequence;

    /// <summary>Records one event in its own write.</summary>
    public void Record(HttpContext? context, string type, string userId, string? clientId, string? connection, string? description)
        => store.Write(w => Record(w, context, type, userId, clientId, connection, description));

    /// <summary>Records one event inside the caller's write.</summary>
    public void Record(TenantWriter writer, HttpContext? context, string type, string userId, string? clientId, string? connection, string? description)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var now = time.GetUtcNow();
        writer.Save(new TenantLogEvent
        {
            // Auth0's log ids sort by time. Ticks then a sequence keep that order for events recorded at the same instant (a
            // test's fake clock), so the newest-first list is the order the events happened in.
            LogId = now.UtcTicks.ToString("D20", System.Globalization.CultureInfo.InvariantCulture)
                + Interlocked.Increment(ref _sequence).ToString("D12", System.Globalization.CultureInfo.InvariantCulture),
            Type = type,
            UserId = userId,
            Date = now,
            Description = description,
            ClientId = clientId,
            ClientName = clientId is not null && writer.FindClient(clientId) is { Name.Length: > 0 } client ? client.Name : null,
            Connection = connection,
            Ip = context is null ? null : Security.BruteForceProtection.IpOf(context),
            UserAgent = context?.Request.Headers.UserAgent.ToString() is { Length: > 0 } agent ? agent : null,
        });
    }
}
