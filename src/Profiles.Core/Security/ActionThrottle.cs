using Microsoft.EntityFrameworkCore;
using Profiles.Core.Persistence;

namespace Profiles.Core.Security;

/// <summary>Cooldowns in table <c>action_cooldowns</c>. Taking a slot is a conditional update (or an insert that loses to a
/// concurrent insert), so two requests at the same moment cannot both pass.</summary>
public sealed class ActionThrottle(IDbContextFactory<PortalDbContext> factory, PortalUserKeys userKeys, TimeProvider timeProvider) : IActionThrottle
{
    public async Task<ThrottleDecision> TryAcquireAsync(string userId, string action, TimeSpan cooldown, CancellationToken cancellationToken)
    {
        var userKey = await userKeys.ForAsync(userId, cancellationToken);
        var now = timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        var notBefore = now + (long)cooldown.TotalMilliseconds;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);

        var updated = await db.ActionCooldowns
            .Where(c => c.UserKey == userKey && c.Action == action && c.NotBeforeMs <= now)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.NotBeforeMs, notBefore), cancellationToken);
        if (updated == 1)
        {
            return ThrottleDecision.Allow();
        }

        var existing = await db.ActionCooldowns.AsNoTracking()
            .SingleOrDefaultAsync(c => c.UserKey == userKey && c.Action == action, cancellationToken);
        if (existing is not null)
        {
            return ThrottleDecision.Deny(TimeSpan.FromMilliseconds(Math.Max(0, existing.NotBeforeMs - now)));
        }

        db.ActionCooldowns.Add(new ActionCooldownRow { UserKey = userKey, Action = action, NotBeforeMs = notBefore });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return ThrottleDecision.Allow();
        }
        catch (DbUpdateException)
        {
            // A concurrent request inserted the row first and took the slot.
            return ThrottleDecision.Deny(cooldown);
        }
    }

    public async Task<TimeSpan> RemainingAsync(string userId, string action, CancellationToken cancellationToken)
    {
        var userKey = await userKeys.ForAsync(userId, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var row = await db.ActionCooldowns.AsNoTracking().SingleOrDefaultAsync(c => c.UserKey == userKey && c.Action == action, cancellationToken);
        var now = timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        return row is null || row.NotBeforeMs <= now ? TimeSpan.Zero : TimeSpan.FromMilliseconds(row.NotBeforeMs - now);
    }

    public async Task ReleaseAsync(string userId, string action, CancellationToken cancellationToken)
    {
        var userKey = await userKeys.ForAsync(userId, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await db.ActionCooldowns.Where(c => c.UserKey == userKey && c.Action == action).ExecuteDeleteAsync(cancellationToken);
    }
}
