namespace Profiles.Core.Data;

/// <summary>The portal database, section <c>PortalDatabase</c>.</summary>
public sealed class PortalDatabaseOptions
{
    public const string SectionName = "PortalDatabase";

    /// <summary>SQLite connection string, e.g. <c>Data Source=.profiles/portal.db</c>. Empty: no portal database.</summary>
    public string ConnectionString { get; set; } = "";
}
