using Microsoft.EntityFrameworkCore;

namespace Profiles.Core.Data;

/// <summary>The portal's own database (not the tenant's). Provider-neutral: SQLite for one machine, PostgreSQL when several
/// instances share it. Tables are prefixed by feature so later features add theirs beside them.</summary>
public sealed class PortalDbContext(DbContextOptions<PortalDbContext> options) : DbContext(options)
{
    public DbSet<RateLimitBucketRow> RateLimitBuckets => Set<RateLimitBucketRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        var bucket = modelBuilder.Entity<RateLimitBucketRow>();
        bucket.ToTable("rate_limit_buckets");
        bucket.HasKey(row => row.BucketGroup);
        bucket.Property(row => row.BucketGroup).HasColumnName("bucket_group").HasMaxLength(64);
        bucket.Property(row => row.Tokens).HasColumnName("tokens");
        bucket.Property(row => row.LastRefillMs).HasColumnName("last_refill_ms");
        bucket.Property(row => row.PausedUntilMs).HasColumnName("paused_until_ms");
        bucket.Property(row => row.Anchored).HasColumnName("anchored");
        bucket.Property(row => row.Burst).HasColumnName("burst");
        bucket.Property(row => row.RatePerSecond).HasColumnName("rate_per_second");
        bucket.Property(row => row.RefillsEverySecond).HasColumnName("refills_every_second");
        bucket.Property(row => row.Version).HasColumnName("version").IsConcurrencyToken();
    }
}
