using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Data.Sqlite;

namespace Profiles.LocalTenant.Data;

/// <summary>
/// The tenant's data: held in memory behind one lock, written through to a SQLite file of JSON documents
/// (or kept in memory only). A development tenant holds few users, so a single lock is simple and fast enough,
/// and it makes every Management API call atomic, as Auth0's are from a client's point of view.
/// </summary>
public sealed class TenantStore : IDisposable
{
    internal static readonly JsonSerializerOptions DocumentJson = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private static readonly Dictionary<string, Type> Kinds = new(StringComparer.Ordinal)
    {
        ["user"] = typeof(TenantUser),
        ["connection"] = typeof(TenantConnection),
        ["client"] = typeof(TenantClient),
        ["session"] = typeof(TenantSession),
        ["grant"] = typeof(TenantGrant),
        ["job"] = typeof(TenantJob),
        ["ticket"] = typeof(TenantTicket),
        ["refresh_token"] = typeof(TenantRefreshToken),
        ["email"] = typeof(OutboxEmail),
        ["signing_key"] = typeof(SigningKeyDocument),
        ["login_failures"] = typeof(TenantLoginFailures),
        ["log_event"] = typeof(TenantLogEvent),
        ["authentication_method"] = typeof(TenantAuthenticationMethod),
        ["remembered_browser"] = typeof(TenantRememberedBrowser),
    };

    private readonly Lock _lock = new();
    private readonly Dictionary<Type, Dictionary<string, TenantDocument>> _tables = [];
    private readonly SqliteConnection? _connection;

    private TenantStore(SqliteConnection? connection) => _connection = connection;

    /// <summary>Whether the store was empty when opened (so the seed must be applied).</summary>
    public bool WasEmpty { get; private set; } = true;

    /// <summary>Opens the store: a SQLite file when <paramref name="databasePath"/> names one, else memory only.</summary>
    public static TenantStore Open(string? databasePath)
    {
        if (string.IsNullOrWhiteSpace(databasePath) || databasePath == ":memory:")
        {
            return new TenantStore(null);
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(databasePath));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false }.ToString());
        connection.Open();
        using (var create = connection.CreateCommand())
        {
            create.CommandText = """
                PRAGMA journal_mode = WAL;
                CREATE TABLE IF NOT EXISTS documents (kind TEXT NOT NULL, key TEXT NOT NULL, json TEXT NOT NULL, PRIMARY KEY (kind, key));
                """;
            create.ExecuteNonQuery();
        }

        var store = new TenantStore(connection);
        store.Load();
        return store;
    }

    /// <summary>Runs <paramref name="read"/> on a consistent view. Do not keep references to what it returns.</summary>
    public T Read<T>(Func<TenantData, T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        lock (_lock)
        {
            return read(new TenantWriter(_tables));
        }
    }

    /// <summary>Runs <paramref name="write"/> and persists what it saved or removed, atomically.</summary>
    public T Write<T>(Func<TenantWriter, T> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        lock (_lock)
        {
            var writer = new TenantWriter(_tables);
            var result = write(writer);
            Persist(writer.Changes);
            return result;
        }
    }

    /// <summary>Runs <paramref name="write"/> and persists what it saved or removed, atomically.</summary>
    public void Write(Action<TenantWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        Write(w =>
        {
            write(w);
            return 0;
        });
    }

    public void Dispose() => _connection?.Dispose();

    private void Load()
    {
        using var select = _connection!.CreateCommand();
        select.CommandText = "SELECT kind, json FROM documents";
        using var reader = select.ExecuteReader();
        while (reader.Read())
        {
            if (!Kinds.TryGetValue(reader.GetString(0), out var type))
            {
                continue;
            }

            var doc = (TenantDocument)JsonSerializer.Deserialize(reader.GetString(1), type, DocumentJson)!;
            if (!_tables.TryGetValue(type, out var table))
            {
                table = new Dictionary<string, TenantDocument>(StringComparer.Ordinal);
                _tables[type] = table;
            }

            table[doc.Key] = doc;
            WasEmpty = false;
        }
    }

    private void Persist(IReadOnlyList<(Type Type, string Key, TenantDocument? Doc)> changes)
    {
        if (_connection is null || changes.Count == 0)
        {
            return;
        }

        using var transaction = _connection.BeginTransaction();
        foreach (var (type, key, doc) in changes)
        {
            var kind = Kinds.First(k => k.Value == type).Key;
            using var command = _connection.CreateCommand();
            command.Transaction = transaction;
            if (doc is null)
            {
                command.CommandText = "DELETE FROM documents WHERE kind = $kind AND key = $key";
            }
            else
            {
                command.CommandText = "INSERT INTO documents (kind, key, json) VALUES ($kind, $key, $json) ON CONFLICT (kind, key) DO UPDATE SET json = excluded.json";
                command.Parameters.AddWithValue("$json", JsonSerializer.Serialize(doc, type, DocumentJson));
            }

            command.Parameters.AddWithValue("$kind", kind);
            command.Parameters.AddWithValue("$key", key);
            command.ExecuteNonQuery();
        }

        transaction.Commit();
    }
}
