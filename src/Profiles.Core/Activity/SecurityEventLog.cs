using Microsoft.EntityFrameworkCore;
using Profiles.Core.Persistence;
using Profiles.Core.Security;

namespace Profiles.Core.Activity;

/// <summary>Security events in table <c>security_events</c>, with no personal data (ASVS 16.2.5).</summary>
public sealed class SecurityEventLog(
    IDbContextFactory<PortalDbContext> factory,
    PortalUserKeys userKeys,
    ICorrelationContext correlation,
    TimeProvider timeProvider) : ISecurityEventLog
{
    public async Task RecordAsync(string userId, string action, string outcome, string? detail, CancellationToken cancellationToken)
    {
        var userKey = await userKeys.ForAsync(userId, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        db.SecurityEvents.Add(new SecurityEventRow
        {
            UserKey = userKey,
            Action = action,
            Outcome = outcome,
            Detail = detail is { Length: > 64 } ? detail[..64] : detail,
            CorrelationId = correlation.CorrelationId,
            OccurredAtMs = timeProvider.GetUtcNow().ToUnixTimeMilliseconds(),
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<SecurityEvent>> ListRecentAsync(string userId, int max, CancellationToken cancellationToken)
    {
        var userKey = await userKeys.ForAsync(userId, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await db.SecurityEvents.AsNoTracking()
            .Where(e => e.UserKey == userKey)
            .OrderByDescending(e => e.OccurredAtMs).ThenByDescending(e => e.Id)
            .Take(max)
            .ToListAsync(cancellationToken);
        return rows.Select(r => new SecurityEvent(r.Action, r.Outcome, DateTimeOffset.FromUnixTimeMilliseconds(r.OccurredAtMs), r.CorrelationId, r.Detail))
            .ToList();
    }

    public async Task DeleteAllAsync(string userId, CancellationToken cancellationToken)
    {
        var userKey = await userKeys.ForAsync(userId, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await db.SecurityEvents.Where(e => e.UserKey == userKey).ExecuteDeleteAsync(cancellationToken);
    }
}
