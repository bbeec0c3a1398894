namespace Profiles.Core.Persistence;

/// <summary>The engine behind the portal database (<c>PortalDatabase:Provider</c>).</summary>
public enum PortalDatabaseProvider
{
    /// <summary>A file on the portal's machine: the embedded default, one instance.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server shared by every instance of the portal.</summary>
    Postgres,
}
