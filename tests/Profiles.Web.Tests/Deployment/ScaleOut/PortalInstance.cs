using System.Diagnostics;
using System.Globalization;
using System.Net;
using Profiles.TestServices;

namespace Profiles.Web.Tests.Deployment.ScaleOut;

/// <summary>One portal instance of the scale-out deployment: the Release publish output run with <c>dotnet</c> in Production on a
/// port chosen once (nginx's upstream), so it can be killed and started again where the proxy expects it.</summary>
public sealed class PortalInstance(string name, int port) : IAsyncDisposable
{
    private ServerProcess? _process;

    public string Name { get; } = name;

    public int Port { get; } = port;

    /// <summary>How nginx names this instance in <see cref="NginxServer.UpstreamHeader"/>.</summary>
    public string Upstream => $"127.0.0.1:{Port}";

    public bool IsRunning => _process is not null;

    /// <summary>Starts the instance and returns once <c>/health/ready</c> answers 200 (migrations applied, key ring loaded).
    /// <paramref name="trustBundle"/> becomes the process's <c>SSL_CERT_FILE</c>: the system roots plus the local tenant's CA,
    /// as an operator would trust a private CA.</summary>
    public async Task StartAsync(string publishDirectory, IReadOnlyDictionary<string, string> settings, string trustBundle, string publicHost)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _process = await ServerProcess.StartAsync(
            "/usr/bin/env",
            (port, _) => new[]
                {
                    $"SSL_CERT_FILE={trustBundle}", "dotnet", Path.Combine(publishDirectory, "Profiles.Web.dll"),
                    "--environment", "Production", "--contentRoot", publishDirectory, "--urls", $"http://127.0.0.1:{port}",
                }
                .Concat(settings.Select(s => $"--{s.Key}={s.Value}")),
            "scale-out-" + Name,
            TimeSpan.FromMinutes(2),
            Port);
        await WaitUntilReadyAsync(publicHost);
    }

    /// <summary>Kills the process (and its children) at once, as a crashed or evicted instance would end.</summary>
    public async Task KillAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
            _process = null;
        }
    }

    /// <summary>Runs the image's health check (<c>deploy/healthcheck.sh</c>) against this instance, with the two variables it
    /// reads set as the container would have them; returns its exit code (0: healthy).</summary>
    public async Task<int> HealthCheckAsync(string publicOrigin)
    {
        var (exitCode, _) = await ReleasePublish.RunAsync(
            "bash",
            [Path.Combine(RepositoryPaths.Root, "deploy", "healthcheck.sh")],
            RepositoryPaths.Root,
            new Dictionary<string, string?> { ["ASPNETCORE_HTTP_PORTS"] = Port.ToString(CultureInfo.InvariantCulture), ["Profiles__PublicOrigin"] = publicOrigin },
            TimeSpan.FromSeconds(30));
        return exitCode;
    }

    public ValueTask DisposeAsync() => new(KillAsync());

    private async Task WaitUntilReadyAsync(string publicHost)
    {
        // A first answer can take long on a loaded machine (JIT, migrations): a slow answer is another try, not a failure.
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };
        var waited = Stopwatch.StartNew();
        var last = "no answer";
        while (waited.Elapsed < TimeSpan.FromMinutes(2))
        {
            using var ready = new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:{Port}/health/ready") { Headers = { Host = publicHost } };
            try
            {
                using var response = await client.SendAsync(ready);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }

                last = $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}";
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Refused, or no answer within the client's timeout (a busy host): ask again until the deadline.
                last = ex.Message;
            }

            // A real process starting in real time, polled with a deadline.
            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }

        throw new TimeoutException($"Portal instance {Name} was not ready within two minutes ({last}).");
    }
}
