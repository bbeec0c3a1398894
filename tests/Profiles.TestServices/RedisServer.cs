using System.Globalization;

namespace Profiles.TestServices;

/// <summary>
/// A throwaway <c>redis-server</c> (Debian's package, which the test command installs): 127.0.0.1, a free port, no
/// persistence, data under a temp directory. Most tests share one per test run (<see cref="ConfigurationAsync"/>, each with a
/// key prefix of its own from <see cref="NewInstanceName"/>); a test or benchmark that needs a server to itself starts one
/// (<see cref="StartAsync"/>) and disposes it.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    /// <summary>Runs <c>redis-server</c> ($2) on 127.0.0.1:$3 without persistence in $4 while process $1 lives, then deletes $4.
    /// The shell becomes the server (<c>exec</c>), so stopping the process the tests started stops the server itself, whatever
    /// happens to the watcher; the watcher, a child started before, stops the server when the test process is gone.</summary>
    private const string Watchdog = """
        (
          while kill -0 "$1" 2>/dev/null && kill -0 $$ 2>/dev/null; do sleep 1; done
          if kill -0 $$ 2>/dev/null; then
            kill $$
            while kill -0 $$ 2>/dev/null; do sleep 0.1; done
            rm -rf "$4"
          fi
        ) &
        exec "$2" --port "$3" --bind 127.0.0.1 --save "" --appendonly no --dir "$4"
        """;

    private static readonly Lazy<Task<RedisServer>> Shared = new(StartSharedAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly ServerProcess _process;

    private RedisServer(ServerProcess process) => _process = process;

    /// <summary>A StackExchange.Redis configuration string for this server.</summary>
    public string ConnectionString => $"127.0.0.1:{_process.Port}";

    /// <summary>The configuration string of the server the test run shares (started on first use).</summary>
    public static async Task<string> ConfigurationAsync() => (await Shared.Value).ConnectionString;

    /// <summary>A key prefix no other test uses.</summary>
    public static string NewInstanceName() => "profiles-test-" + Guid.NewGuid().ToString("N")[..12] + ":";

    /// <summary>A server of the caller's own; stopped on dispose, or by its watchdog when the test process is gone.</summary>
    public static async Task<RedisServer> StartAsync()
    {
        var executable = File.Exists("/usr/bin/redis-server") ? "/usr/bin/redis-server" : "redis-server";
        // The test host is often ended without running exit handlers, so a small shell stops the server once this process is
        // gone; disposing is the quick path.
        return new(await ServerProcess.StartAsync("/bin/sh",
            (port, directory) => ["-c", Watchdog, "redis-watchdog", Environment.ProcessId.ToString(CultureInfo.InvariantCulture), executable,
                port.ToString(CultureInfo.InvariantCulture), directory],
            "redis"));
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();

    private static async Task<RedisServer> StartSharedAsync()
    {
        var server = await StartAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return server;
    }
}
