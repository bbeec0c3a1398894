namespace Profiles.LocalTenant.Data;

/// <summary>A <see cref="TenantData"/> that records changes; they are persisted together when the write ends.</summary>
public sealed class TenantWriter : TenantData
{
    private readonly List<(Type Type, string Key, TenantDocument? Doc)> _changes = [];

    internal TenantWriter(Dictionary<Type, Dictionary<string, TenantDocument>> tables) : base(tables)
    {
    }

    internal IReadOnlyList<(Type Type, string Key, TenantDocument? Doc)> Changes => _changes;

    /// <summary>Inserts or replaces a document.</summary>
    public void Save<T>(T doc) where T : TenantDocument
    {
        Table<T>()[doc.Key] = doc;
        _changes.Add((typeof(T), doc.Key, doc));
    }

    /// <summary>Removes a document; removing a missing one is not an error.</summary>
    public void Remove<T>(string key) where T : TenantDocument
    {
        Table<T>().Remove(key);
        _changes.Add((typeof(T), key, null));
    }

    /// <summary>Replaces a document whose key changed (e.g. nothing today, but kept honest for renames).</summary>
    public void Replace<T>(string oldKey, T doc) where T : TenantDocument
    {
        if (oldKey != doc.Key)
        {
            Remove<T>(oldKey);
        }

        Save(doc);
    }
}
