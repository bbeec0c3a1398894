using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Profiles.Core.Persistence;
using Profiles.Core.Settings;

namespace Profiles.Core.Pacing;

/// <summary>Bucket state shared by every portal instance through the portal database: one row per bucket group, read and written
/// back with optimistic concurrency (a version column), so it needs nothing provider-specific. The pacer leases tokens in small
/// batches, so the database sees about one transaction per batch, not per call.</summary>
public sealed class DatabaseRateLimitCoordinator(IDbContextFactory<PortalDbContext> factory, TimeProvider timeProvider, IOptions<ManagementApiOptions> options)
    : IRateLimitCoordinator
{
    private const int MaxConflicts = 20;
    private readonly TimeSpan _margin = options?.Value.Pacing.SafetyMargin ?? TimeSpan.Zero;
    private readonly SemaphoreSlim _schema = new(1, 1);
    private bool _schemaReady;

    public async ValueTask<TokenLease> LeaseAsync(string group, BucketProfile profile, int wanted, CancellationToken cancellationToken)
    {
        TokenLease? lease = null;
        await UpdateAsync(group, profile, (state, now) => lease = state.Take(profile, wanted, now, _margin), cancellationToken);
        return lease!;
    }

    public async ValueTask PauseAsync(string group, BucketProfile profile, DateTimeOffset until, CancellationToken cancellationToken) =>
        await UpdateAsync(group, profile, (state, now) => state.Drain(profile, now, until, _margin), cancellationToken);

    public async ValueTask CapAsync(string group, BucketProfile profile, double atMost, DateTimeOffset sentAt, CancellationToken cancellationToken) =>
        await UpdateAsync(group, profile, (state, now) => state.Cap(profile, now, atMost, _margin, sentAt), cancellationToken);

    public async ValueTask AnchorAsync(string group, BucketProfile profile, DateTimeOffset firstAnswerAt, CancellationToken cancellationToken) =>
        await UpdateAsync(group, profile, (state, _) => state.Anchor(firstAnswerAt, _margin), cancellationToken);

    private async Task UpdateAsync(string group, BucketProfile profile, Action<BucketState, DateTimeOffset> change, CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(cancellationToken);
        for (var attempt = 0; ; attempt++)
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            var now = timeProvider.GetUtcNow();
            var row = await db.RateLimitBuckets.SingleOrDefaultAsync(r => r.BucketGroup == group, cancellationToken);
            var state = row is null
                ? BucketState.Full(profile, now)
                : new BucketState
                {
                    Tokens = Math.Min(row.Tokens, profile.Burst),
                    LastRefill = DateTimeOffset.FromUnixTimeMilliseconds(row.LastRefillMs),
                    PausedUntil = DateTimeOffset.FromUnixTimeMilliseconds(row.PausedUntilMs),
                    Anchored = row.Anchored,
                    // Not stored: any answer may anchor a bucket a take left unanchored (the table predates ArmedAt).
                };
            change(state, now);
            if (row is null)
            {
                row = new RateLimitBucketRow { BucketGroup = group };
                db.RateLimitBuckets.Add(row);
            }

            row.Tokens = state.Tokens;
            row.LastRefillMs = state.LastRefill.ToUnixTimeMilliseconds();
            row.PausedUntilMs = state.PausedUntil == DateTimeOffset.MinValue ? 0 : state.PausedUntil.ToUnixTimeMilliseconds();
            row.Anchored = state.Anchored;
            row.Burst = profile.Burst;
            row.RatePerSecond = profile.RatePerSecond;
            row.RefillsEverySecond = profile.RefillsEverySecond;
            row.Version++;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateException) when (attempt < MaxConflicts)
            {
                // Another instance updated (or created) the row first: read it again.
            }
        }
    }

    private async Task EnsureSchemaAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _schemaReady))
        {
            return;
        }

        await _schema.WaitAsync(cancellationToken);
        try
        {
            if (!_schemaReady)
            {
                await PortalDatabase.MigrateAsync(factory, cancellationToken);
                _schemaReady = true;
            }
        }
        finally
        {
            _schema.Release();
        }
    }
}
