using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Profiles.Core.Devices;
using Profiles.Core.Persistence;

namespace Profiles.Core.Security;

/// <summary>
/// Portal sessions in table <c>portal_sessions</c>. A sign-in writes a row; later use moves its last-seen time and expiry at
/// most every <see cref="SeenInterval"/>: the time of this instance's last write is kept in its own memory, so the requests
/// in between make no database query and no Redis call. Nothing depends on sharing it: with N instances a session's row is
/// written at most N times per interval.
/// </summary>
public sealed class PortalSessions(IDbContextFactory<PortalDbContext> factory, PortalUserKeys userKeys, IMemoryCache seen, TimeProvider timeProvider)
    : IPortalSessions
{
    /// <summary>How stale "last active" may be: a session's row is written at most this often.</summary>
    public static readonly TimeSpan SeenInterval = TimeSpan.FromMinutes(5);

    /// <summary>How long an unused session's last-write time stays in memory; a session used again after that is written once more.</summary>
    private static readonly TimeSpan SeenMemory = SeenInterval * 2;

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

        Remember(start.SessionId, nowMs);
    }

    public async Task SeenAsync(string sessionId, IPAddress? ipAddress, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(sessionId);
        var nowMs = timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        // Unknown here (another instance, or a restart): the row is written once and remembered.
        if (seen.TryGetValue(SeenKey(sessionId), out long lastWrittenMs) && nowMs - lastWrittenMs < (long)SeenInterval.TotalMilliseconds)
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

        Remember(sessionId, nowMs);
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

    private void Remember(string sessionId, long writtenAtMs) =>
        seen.Set(SeenKey(sessionId), writtenAtMs, new MemoryCacheEntryOptions { SlidingExpiration = SeenMemory });

    private static string SeenKey(string sessionId) => "portal-session-seen:" + sessionId;

    private static string? Cut(string? value, int length) =>
        string.IsNullOrEmpty(value) ? null : value.Length <= length ? value : value[..length];
}
