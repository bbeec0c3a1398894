namespace Profiles.Core.Persistence;

/// <summary>The portal database, section <c>PortalDatabase</c>.</summary>
public sealed class PortalDatabaseOptions
{
    public const string SectionName = "PortalDatabase";

    /// <summary>Used when nothing is configured with the SQLite provider: a file under the working directory.</summary>
    public const string DefaultConnectionString = "Data Source=.profiles/portal.db";

    /// <summary><see cref="PortalDatabaseProvider.Sqlite"/> (default) or <see cref="PortalDatabaseProvider.Postgres"/>.</summary>
    public PortalDatabaseProvider Provider { get; set; } = PortalDatabaseProvider.Sqlite;

    /// <summary>SQLite: e.g. <c>Data Source=/var/lib/profiles/portal.db</c> (default <see cref="DefaultConnectionString"/>).
    /// PostgreSQL: an Npgsql connection string, e.g. <c>Host=db;Database=profiles;Username=profiles;Password=…</c>; required.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The connection string in effect: the configured one, else the SQLite default (PostgreSQL has none).</summary>
    public string EffectiveConnectionString =>
        !string.IsNullOrWhiteSpace(ConnectionString) ? ConnectionString
        : Provider == PortalDatabaseProvider.Sqlite ? DefaultConnectionString
        : "";
}
