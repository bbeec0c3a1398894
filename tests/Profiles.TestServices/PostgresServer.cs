using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace Profiles.TestServices;

/// <summary>
/// One throwaway PostgreSQL cluster per test run (Debian's binaries, a free port, a temp directory), started on first use
/// and stopped when the test process ends; each test asks it for a database of its own. PostgreSQL refuses to run as root:
/// as root the cluster is created and run by the <c>postgres</c> user (through <c>runuser</c>), otherwise by the current user.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private static readonly Lazy<Task<PostgresServer>> Instance = new(StartAsync);
    private readonly ServerProcess _server;
    private readonly string _clusterDirectory;

    private PostgresServer(ServerProcess server, string clusterDirectory)
    {
        _server = server;
        _clusterDirectory = clusterDirectory;
    }

    /// <summary>The run's server, started by the first caller (a few seconds: initdb then start-up).</summary>
    public static Task<PostgresServer> SharedAsync() => Instance.Value;

    public int Port => _server.Port;

    /// <summary>Creates an empty database with a unique name and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix, CancellationToken cancellationToken = default)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}".ToLowerInvariant();
        await using var connection = await OpenAdminConnectionAsync(cancellationToken);
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE template0", connection);
        await create.ExecuteNonQueryAsync(cancellationToken);
        return ConnectionString(name);
    }

    /// <summary>Runs <paramref name="sql"/> on the database at <paramref name="connectionString"/>, as an operator would, and
    /// returns the first column of the first row (default when there is none or it is null).</summary>
    public static async Task<T?> QueryAsync<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        var result = await command.ExecuteScalarAsync();
        return result is null or DBNull ? default : (T)result;
    }

    /// <summary>A connection string for <paramref name="database"/> (which may not exist yet).</summary>
    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = "postgres",
        Database = database,
        IncludeErrorDetail = true,
        // Each test's database has its own pool: keep them small so a whole run stays far below max_connections.
        MaxPoolSize = 20,
        ConnectionIdleLifetime = 10,
        ConnectionPruningInterval = 5,
    }.ToString();

    public async ValueTask DisposeAsync()
    {
        // A fast shutdown (SIGINT) lets the server release its shared memory; then the process tree and the directory go.
        var pidFile = Path.Combine(_clusterDirectory, "postmaster.pid");
        if (File.Exists(pidFile) && int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid))
        {
            using var signal = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-INT", pid.ToString(CultureInfo.InvariantCulture) }, UseShellExecute = false });
            if (signal is not null)
            {
                await signal.WaitForExitAsync();
            }

            // The server removes its pid file once shut down; a real process stopping in real time, polled with a deadline.
            var waited = Stopwatch.StartNew();
            while (File.Exists(pidFile) && waited.Elapsed < TimeSpan.FromSeconds(5))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50));
            }
        }

        await _server.DisposeAsync();
    }

    private static async Task<PostgresServer> StartAsync()
    {
        var bin = FindBinaries();
        var asRoot = Environment.IsPrivilegedProcess;
        string? clusterDirectory = null;
        var server = await ServerProcess.StartAsync(asRoot ? "runuser" : "sh", (port, dataDirectory) =>
        {
            if (asRoot && !OperatingSystem.IsWindows())
            {
                // The postgres user creates its cluster inside the directory the tests own (and delete at the end).
                File.SetUnixFileMode(dataDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
                    UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute |
                    UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute);
            }

            clusterDirectory = Path.Combine(dataDirectory, "cluster");
            var script = StartScript(bin, clusterDirectory, port, Environment.ProcessId);
            return asRoot ? ["-u", "postgres", "--", "sh", "-c", script] : ["-c", script];
        }, "postgres", TimeSpan.FromSeconds(90));

        var postgres = new PostgresServer(server, clusterDirectory!);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => postgres.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return postgres;
    }

    /// <summary>initdb, then the server in the background, watched: when the test process is gone (even killed), the server
    /// is stopped too, so a crashed run leaves no PostgreSQL behind. fsync and friends are off: the data is thrown away.</summary>
    private static string StartScript(string bin, string cluster, int port, int parentProcessId) =>
        $$"""
        set -e
        "{{bin}}/initdb" -D "{{cluster}}" -U postgres --auth=trust -E UTF8 --no-locale -N >"{{cluster}}.initdb.log" 2>&1 || { cat "{{cluster}}.initdb.log"; exit 1; }
        "{{bin}}/postgres" -D "{{cluster}}" -p {{port}} -c listen_addresses=127.0.0.1 -c unix_socket_directories= \
          -c max_connections=300 -c shared_buffers=32MB -c fsync=off -c synchronous_commit=off -c full_page_writes=off &
        server=$!
        while [ -d /proc/{{parentProcessId}} ] && kill -0 $server 2>/dev/null; do sleep 1; done
        kill -INT $server 2>/dev/null || true
        wait $server || true
        """;

    private static string FindBinaries()
    {
        var configured = Environment.GetEnvironmentVariable("PROFILES_POSTGRES_BIN");
        if (!string.IsNullOrEmpty(configured))
        {
            return configured;
        }

        var root = "/usr/lib/postgresql";
        var bin = Directory.Exists(root)
            ? Directory.GetDirectories(root)
                .Select(dir => (dir, version: int.TryParse(Path.GetFileName(dir), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : 0))
                .OrderByDescending(candidate => candidate.version)
                .Select(candidate => Path.Combine(candidate.dir, "bin"))
                .FirstOrDefault(candidate => File.Exists(Path.Combine(candidate, "postgres")))
            : null;
        return bin ?? throw new InvalidOperationException(
            "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/postgres): install Debian's postgresql package, as ./test.sh does, or set PROFILES_POSTGRES_BIN.");
    }

    /// <summary>The port listens a moment before the server accepts sessions ("the database system is starting up"): retry
    /// with a deadline.</summary>
    private async Task<NpgsqlConnection> OpenAdminConnectionAsync(CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var connection = new NpgsqlConnection(ConnectionString("postgres"));
            try
            {
                await connection.OpenAsync(cancellationToken);
                return connection;
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.CannotConnectNow && waited.Elapsed < TimeSpan.FromSeconds(30))
            {
                await connection.DisposeAsync();
                await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
            }
        }
    }
}
