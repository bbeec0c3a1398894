namespace Profiles.Core.Data;

/// <summary>The portal database, section <c>PortalDatabase</c>.</summary>
public sealed class PortalDatabaseOptions
{
    public const string SectionName = "PortalDatabase";

    /// <summary>Used when nothing is configured: a SQLite file under the working directory.</summary>
    public const string DefaultConnectionString = "Data Source=.profiles/portal.db";

    /// <summary>SQLite connection string, e.g. <c>Data Source=/var/lib/profiles/portal.db</c>.</summary>
    public string ConnectionString { get; set; } = DefaultConnectionString;
}
