using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Profiles.Core.Persistence;

/// <summary>The portal's own database (not the tenant's). Provider-neutral: SQLite for one machine, PostgreSQL when several
/// instances share it. Instants are UNIX milliseconds so every provider can compare and order them. The schema is versioned by
/// EF Core migrations, one assembly per provider: <c>Profiles.Persistence.Sqlite</c> and <c>Profiles.Persistence.Postgres</c>
/// (docs/decisions/0007, 0016).</summary>
public sealed class PortalDbContext(DbContextOptions<PortalDbContext> options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<RateLimitBucketRow> RateLimitBuckets => Set<RateLimitBucketRow>();

    public DbSet<PortalSecretRow> Secrets => Set<PortalSecretRow>();

    public DbSet<SecurityEventRow> SecurityEvents => Set<SecurityEventRow>();

    public DbSet<ActionCooldownRow> ActionCooldowns => Set<ActionCooldownRow>();

    public DbSet<PendingEmailChangeRow> PendingEmailChanges => Set<PendingEmailChangeRow>();

    public DbSet<SessionRevocationRow> SessionRevocations => Set<SessionRevocationRow>();

    public DbSet<EndedSessionRow> EndedSessions => Set<EndedSessionRow>();

    public DbSet<PortalSessionRow> PortalSessions => Set<PortalSessionRow>();

    public DbSet<DeletionRequestRow> DeletionRequests => Set<DeletionRequestRow>();

    public DbSet<DeletionAuditRow> DeletionAudit => Set<DeletionAuditRow>();

    /// <summary>The data-protection key ring every instance shares (cookies, antiforgery tokens, TempData, OAuth state).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<ConsentRecordRow> ConsentRecords => Set<ConsentRecordRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        ConfigureBuckets(modelBuilder);
        ConfigureAccountTables(modelBuilder);
        ConfigureDeletion(modelBuilder);
        ConfigureKeyRing(modelBuilder);
        ConfigureConsent(modelBuilder);
        ConfigurePortalSessions(modelBuilder);
    }

    private static void ConfigurePortalSessions(ModelBuilder modelBuilder)
    {
        var session = modelBuilder.Entity<PortalSessionRow>();
        session.ToTable("portal_sessions");
        session.HasKey(row => row.SessionId);
        session.Property(row => row.SessionId).HasColumnName("session_id").HasMaxLength(64);
        session.Property(row => row.UserKey).HasColumnName("user_key").HasMaxLength(64);
        session.Property(row => row.Auth0SessionId).HasColumnName("auth0_session_id").HasMaxLength(128);
        session.Property(row => row.Browser).HasColumnName("browser").HasMaxLength(64);
        session.Property(row => row.OperatingSystem).HasColumnName("operating_system").HasMaxLength(64);
        session.Property(row => row.IsMobile).HasColumnName("is_mobile");
        session.Property(row => row.FirstIp).HasColumnName("first_ip").HasMaxLength(64);
        session.Property(row => row.LastIp).HasColumnName("last_ip").HasMaxLength(64);
        session.Property(row => row.SignedInAtMs).HasColumnName("signed_in_at_ms");
        session.Property(row => row.LastSeenAtMs).HasColumnName("last_seen_at_ms");
        session.Property(row => row.ExpiresAtMs).HasColumnName("expires_at_ms");
        session.HasIndex(row => row.UserKey).HasDatabaseName("ix_portal_sessions_user");
        session.HasIndex(row => row.ExpiresAtMs).HasDatabaseName("ix_portal_sessions_expiry");
    }

    private static void ConfigureConsent(ModelBuilder modelBuilder)
    {
        var consent = modelBuilder.Entity<ConsentRecordRow>();
        consent.ToTable("consent_records");
        consent.HasKey(row => row.Id);
        consent.Property(row => row.Id).HasColumnName("id").ValueGeneratedOnAdd();
        consent.Property(row => row.UserKey).HasColumnName("user_key").HasMaxLength(64);
        consent.Property(row => row.FieldKey).HasColumnName("field_key").HasMaxLength(100);
        consent.Property(row => row.Given).HasColumnName("given");
        consent.Property(row => row.RecordedAtMs).HasColumnName("recorded_at_ms");
        consent.Property(row => row.WordingVersion).HasColumnName("wording_version").HasMaxLength(64);
        consent.HasIndex(row => new { row.UserKey, row.RecordedAtMs }).HasDatabaseName("ix_consent_records_user_time");
    }

    private static void ConfigureBuckets(ModelBuilder modelBuilder)
    {
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

    private static void ConfigureAccountTables(ModelBuilder modelBuilder)
    {
        var secret = modelBuilder.Entity<PortalSecretRow>();
        secret.ToTable("portal_secrets");
        secret.HasKey(row => row.Name);
        secret.Property(row => row.Name).HasColumnName("name").HasMaxLength(64);
        secret.Property(row => row.Value).HasColumnName("value").HasMaxLength(128);

        var securityEvent = modelBuilder.Entity<SecurityEventRow>();
        securityEvent.ToTable("security_events");
        securityEvent.HasKey(row => row.Id);
        securityEvent.Property(row => row.Id).HasColumnName("id").ValueGeneratedOnAdd();
        securityEvent.Property(row => row.UserKey).HasColumnName("user_key").HasMaxLength(64);
        securityEvent.Property(row => row.Action).HasColumnName("action").HasMaxLength(64);
        securityEvent.Property(row => row.Outcome).HasColumnName("outcome").HasMaxLength(32);
        securityEvent.Property(row => row.OccurredAtMs).HasColumnName("occurred_at_ms");
        securityEvent.Property(row => row.CorrelationId).HasColumnName("correlation_id").HasMaxLength(64);
        securityEvent.Property(row => row.Detail).HasColumnName("detail").HasMaxLength(64);
        securityEvent.HasIndex(row => new { row.UserKey, row.OccurredAtMs }).HasDatabaseName("ix_security_events_user_time");

        var cooldown = modelBuilder.Entity<ActionCooldownRow>();
        cooldown.ToTable("action_cooldowns");
        cooldown.HasKey(row => new { row.UserKey, row.Action });
        cooldown.Property(row => row.UserKey).HasColumnName("user_key").HasMaxLength(64);
        cooldown.Property(row => row.Action).HasColumnName("action").HasMaxLength(64);
        cooldown.Property(row => row.NotBeforeMs).HasColumnName("not_before_ms");

        var pendingEmail = modelBuilder.Entity<PendingEmailChangeRow>();
        pendingEmail.ToTable("pending_email_changes");
        pendingEmail.HasKey(row => row.UserKey);
        pendingEmail.Property(row => row.UserKey).HasColumnName("user_key").HasMaxLength(64);
        pendingEmail.Property(row => row.NewEmail).HasColumnName("new_email").HasMaxLength(320);
        pendingEmail.Property(row => row.CodeHash).HasColumnName("code_hash").HasMaxLength(128);
        pendingEmail.Property(row => row.CreatedAtMs).HasColumnName("created_at_ms");
        pendingEmail.Property(row => row.ExpiresAtMs).HasColumnName("expires_at_ms");
        pendingEmail.Property(row => row.Attempts).HasColumnName("attempts");

        var revocation = modelBuilder.Entity<SessionRevocationRow>();
        revocation.ToTable("session_revocations");
        revocation.HasKey(row => row.UserKey);
        revocation.Property(row => row.UserKey).HasColumnName("user_key").HasMaxLength(64);
        revocation.Property(row => row.RevokedBeforeMs).HasColumnName("revoked_before_ms");
        revocation.Property(row => row.KeepSessionId).HasColumnName("keep_session_id").HasMaxLength(64);

        var ended = modelBuilder.Entity<EndedSessionRow>();
        ended.ToTable("ended_sessions");
        ended.HasKey(row => row.SessionId);
        ended.Property(row => row.SessionId).HasColumnName("session_id").HasMaxLength(64);
        ended.Property(row => row.UserKey).HasColumnName("user_key").HasMaxLength(64);
        ended.Property(row => row.EndedAtMs).HasColumnName("ended_at_ms");
        ended.Property(row => row.ForgetAfterMs).HasColumnName("forget_after_ms");
        ended.HasIndex(row => row.ForgetAfterMs);
    }

    private static void ConfigureDeletion(ModelBuilder modelBuilder)
    {
        var request = modelBuilder.Entity<DeletionRequestRow>();
        request.ToTable("deletion_requests");
        request.HasKey(row => row.Id);
        request.Property(row => row.Id).HasColumnName("id").ValueGeneratedNever();
        request.Property(row => row.UserId).HasColumnName("user_id").HasMaxLength(256);
        request.Property(row => row.UserKey).HasColumnName("user_key").HasMaxLength(64);
        request.Property(row => row.RequestedAtMs).HasColumnName("requested_at_ms");
        request.Property(row => row.DueAtMs).HasColumnName("due_at_ms");
        request.Property(row => row.Status).HasColumnName("status").HasMaxLength(16);
        request.Property(row => row.Attempts).HasColumnName("attempts");
        request.Property(row => row.NextAttemptAtMs).HasColumnName("next_attempt_at_ms");
        request.Property(row => row.LastError).HasColumnName("last_error").HasMaxLength(64);
        request.Property(row => row.CancelTokenHash).HasColumnName("cancel_token_hash").HasMaxLength(128);
        request.Property(row => row.CompletedAtMs).HasColumnName("completed_at_ms");
        request.Property(row => row.Version).HasColumnName("version").IsConcurrencyToken();
        request.HasIndex(row => new { row.Status, row.NextAttemptAtMs }).HasDatabaseName("ix_deletion_requests_due");
        request.HasIndex(row => row.UserKey).HasDatabaseName("ix_deletion_requests_user");
        request.HasIndex(row => row.CancelTokenHash).HasDatabaseName("ix_deletion_requests_cancel");
        // One open request per user, enforced by the database so simultaneous requests cannot both be kept.
        request.HasIndex(row => row.UserKey, "ux_deletion_requests_open_user").IsUnique()
            .HasFilter(DeletionStatus.OpenFilter);

        var audit = modelBuilder.Entity<DeletionAuditRow>();
        audit.ToTable("deletion_audit");
        audit.HasKey(row => row.Id);
        audit.Property(row => row.Id).HasColumnName("id").ValueGeneratedOnAdd();
        audit.Property(row => row.RequestId).HasColumnName("request_id");
        audit.Property(row => row.Outcome).HasColumnName("outcome").HasMaxLength(32);
        audit.Property(row => row.RequestedAtMs).HasColumnName("requested_at_ms");
        audit.Property(row => row.CompletedAtMs).HasColumnName("completed_at_ms");
        audit.Property(row => row.IdentitiesRemoved).HasColumnName("identities_removed");
        audit.HasIndex(row => row.RequestId).IsUnique().HasDatabaseName("ux_deletion_audit_request");
    }

    private static void ConfigureKeyRing(ModelBuilder modelBuilder)
    {
        var key = modelBuilder.Entity<DataProtectionKey>();
        key.ToTable("data_protection_keys");
        key.HasKey(row => row.Id);
        key.Property(row => row.Id).HasColumnName("id").ValueGeneratedOnAdd();
        key.Property(row => row.FriendlyName).HasColumnName("friendly_name").HasMaxLength(128);
        key.Property(row => row.Xml).HasColumnName("xml");
    }
}
