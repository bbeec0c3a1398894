using System.Net;
using Microsoft.EntityFrameworkCore;
using Profiles.Core.Caching;
using Profiles.Core.Devices;
using Profiles.Core.Persistence;

namespace Profiles.Core.Security;

/// <summary>
/// Portal sessions in table <c>portal_sessions</c>. A sign-in writes a row; later use moves its last-seen time and expiry at
/// most every <see cref="SeenInterval"/>: the time of the last write is kept in <see cref="PortalCache"/> (shared through
/// Redis when configured), so the requests in between make no database query.
/// </summary>
public sealed class PortalSessions(IDbContextFactory<PortalDbContext> factory, PortalUserKeys userKeys, PortalCache cache, TimeProvider timeProvider)
    : IPortalSessions
{
    /// <summary>How stale "last active" may be: a session's row is written at most this often.</summary>
    public static readonly TimeSpan SeenInterval = TimeSpan.FromMinutes(5);

    /// <summary>Longest a cached last-write time is kept: a portal session's longest possible life.</summary>
    private static readonly TimeSpan SeenMemory = TimeSpan.FromDays(30);

    /// <summary>Column sizes of <see cref="PortalSessionRow"/>: longer values are cut, never refused.</summary>
    private const int IpLength = 64;
    private const int NameLength = 64;
    private const int Auth0SessionIdLength = 128;

    public async Task StartAsync(PortalSessionStart start, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(start);
        var userKey = await userKeys.ForAsync(start.UserId, cancellationToken);
        var now = timeProvider.GetUtcNow();
        var nowMs = now.ToUnixTimeMilliseconds();
        var device = UserAgentParser.Parse(start.UserAgent);
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            await db.PortalSessions.Where(r => r.ExpiresAtMs < nowMs).ExecuteDeleteAsync(cancellationToken);
            if (start.ReplacesSessionId is { } replaced)
            {
                await db.PortalSessions.Where(r => r.SessionId == replaced && r.UserKey == userKey).ExecuteDeleteAsync(cancellationToken);
            }

            db.PortalSessions.Add(new PortalSessionRow
            {
                SessionId = start.SessionId,
                UserKey = userKey,
                Auth0SessionId = Cut(start.Auth0SessionId, Auth0SessionIdLength),
                Browser = Cut(device.Browser, NameLength),
                OperatingSystem = Cut(device.OperatingSystem, NameLength),
                IsMobile = device.IsMobile,
                FirstIp = Cut(start.IpAddress, IpLength),
                LastIp = Cut(start.IpAddress, IpLength),
                SignedInAtMs = nowMs,
                LastSeenAtMs = nowMs,
                ExpiresAtMs = start.ExpiresAt.ToUnixTimeMilliseconds(),
            });
            await db.SaveChangesAsync(cancellationToken);
        }

        await cache.SetAsync(SeenKey(start.SessionId), nowMs, SeenMemory, cancellationToken);
    }

    public async Task SeenAsync(string sessionId, IPAddress? ipAddress, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(sessionId);
        var key = SeenKey(sessionId);
        var nowMs = timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        // Unknown here (another instance without Redis, or a restart): 0, so the row is written once and remembered.
        var lastWrittenMs = await cache.GetOrCreateAsync(key, 0L, static (none, _) => new ValueTask<long>(none), SeenMemory, cancellationToken);
        if (nowMs - lastWrittenMs < (long)SeenInterval.TotalMilliseconds)
        {
            return;
        }

        var ip = Cut(ipAddress?.ToString(), IpLength);
        var expiresAtMs = expiresAt.ToUnixTimeMilliseconds();
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            await db.PortalSessions.Where(r => r.SessionId == sessionId).ExecuteUpdateAsync(
                setters => setters
                    .SetProperty(r => r.LastSeenAtMs, nowMs)
                    .SetProperty(r => r.LastIp, r => ip ?? r.LastIp)
                    .SetProperty(r => r.ExpiresAtMs, expiresAtMs),
                cancellationToken);
        }

        await cache.SetAsync(key, nowMs, SeenMemory, cancellationToken);
    }

    public async Task<IReadOnlyList<ActivePortalSession>> ListAsync(string userId, CancellationToken cancellationToken)
    {
        var userKey = await userKeys.ForAsync(userId, cancellationToken);
        var nowMs = timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await db.PortalSessions.Where(r => r.UserKey == userKey && r.ExpiresAtMs < nowMs).ExecuteDeleteAsync(cancellationToken);
        var rows = await db.PortalSessions.AsNoTracking().Where(r => r.UserKey == userKey)
            .OrderByDescending(r => r.LastSeenAtMs).ToListAsync(cancellationToken);
        return [.. rows.Select(ToSession)];
    }

    /// <summary>A row as the devices page and the data export read it.</summary>
    internal static ActivePortalSession ToSession(PortalSessionRow row) => new(
        row.SessionId,
        row.Auth0SessionId,
        new UserAgentDescription(row.Browser, row.OperatingSystem, row.IsMobile),
        row.FirstIp,
        row.LastIp,
        DateTimeOffset.FromUnixTimeMilliseconds(row.SignedInAtMs),
        DateTimeOffset.FromUnixTimeMilliseconds(row.LastSeenAtMs),
        DateTimeOffset.FromUnixTimeMilliseconds(row.ExpiresAtMs));

    internal static string SeenKey(string sessionId) => "session-seen:" + sessionId;

    private static string? Cut(string? value, int length) =>
        string.IsNullOrEmpty(value) ? null : value.Length <= length ? value : value[..length];
}
