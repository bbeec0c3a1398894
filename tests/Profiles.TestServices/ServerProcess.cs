using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Profiles.TestServices;

/// <summary>
/// A real server (PostgreSQL, Redis, nginx) started by the tests on 127.0.0.1 and a free port, from Debian's packages,
/// with its data under a throwaway directory; stopped and deleted on dispose. No Docker: the test command installs the
/// packages, each fixture starts its own instance.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ServerProcess(Process process, int port, string dataDirectory)
    {
        _process = process;
        Port = port;
        DataDirectory = dataDirectory;
    }

    public int Port { get; }

    public string DataDirectory { get; }

    /// <summary>Starts <paramref name="fileName"/> and returns once its port accepts connections (or throws with its output).
    /// <paramref name="port"/>: a port chosen beforehand (a server restarted where a proxy expects it); a free one otherwise.</summary>
    public static async Task<ServerProcess> StartAsync(string fileName, Func<int, string, IEnumerable<string>> arguments, string name, TimeSpan? readyWithin = null, int? port = null)
    {
        var chosenPort = port ?? FreePort();
        var dataDirectory = TestFolders.Create(name);
        var info = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments(chosenPort, dataDirectory))
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException($"{fileName} did not start.");
        var server = new ServerProcess(process, chosenPort, dataDirectory);
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < (readyWithin ?? TimeSpan.FromSeconds(30)))
        {
            if (process.HasExited)
            {
                break;
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, chosenPort);
                return server;
            }
            catch (SocketException)
            {
                // Not listening yet: a real process starting in real time, polled with a deadline.
                await Task.Delay(TimeSpan.FromMilliseconds(50));
            }
        }

        await server.DisposeAsync();
        lock (output)
        {
            throw new InvalidOperationException($"{name} did not listen on 127.0.0.1:{chosenPort}:\n{output}");
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A server that left a file open: the temp directory is cleaned by the system later.
        }
    }
}
