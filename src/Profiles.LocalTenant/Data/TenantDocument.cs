namespace Profiles.LocalTenant.Data;

/// <summary>Something the tenant stores. Each kind is one table of documents keyed by <see cref="Key"/>.</summary>
public abstract class TenantDocument
{
    /// <summary>The document's key within its kind.</summary>
    public abstract string Key { get; }
}
