using System.Diagnostics;
using System.Text;
using Profiles.TestServices;

namespace Profiles.Web.Tests.Deployment;

/// <summary>
/// The portal as the image holds it, once per test run (shared by the publish and scale-out tests), in a temp folder: the
/// <c>Dockerfile</c>'s build stage replayed (<see cref="DockerfileBuild"/>), i.e. a Release publish without the development
/// tenant from a copy of the build context, restored and built from scratch, so the output the other tests run from is left
/// alone.
/// </summary>
public sealed class ReleasePublish : IAsyncLifetime
{
    /// <summary>One publish per test run, shared by every test that needs it (publishing takes a minute or two).</summary>
    private static readonly Lazy<Task<string>> Published = new(PublishAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    public string RepositoryRoot => RepositoryPaths.Root;

    public string Directory { get; private set; } = "";

    public async Task InitializeAsync() => Directory = await SharedAsync();

    /// <summary>The run's publish output folder, published by the first caller; deleted when the test process ends.</summary>
    public static Task<string> SharedAsync() => Published.Value;

    public Task DisposeAsync() => Task.CompletedTask;

    private static async Task<string> PublishAsync()
    {
        var directory = TestFolders.Create("publish");
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                System.IO.Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
                // A process still holding a file: the temp folder is cleaned by the system later.
            }
        };
        await DockerfileBuild.ReplayAsync(RepositoryPaths.Root, directory, TimeSpan.FromMinutes(10));
        return directory;
    }

    /// <summary>Runs a process to its end (or kills it at <paramref name="timeout"/>) and returns its exit code and output.
    /// MSBuild's own variables from the test host are not passed on: the child finds its SDK as a developer's shell would.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(
        string fileName, IEnumerable<string> arguments, string workingDirectory, IDictionary<string, string?> environment, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var name in info.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            info.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{fileName} did not start.");
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            lock (output)
            {
                return (-1, $"{fileName} did not end within {timeout}:\n{output}");
            }
        }

        lock (output)
        {
            return (process.ExitCode, output.ToString());
        }
    }
}
