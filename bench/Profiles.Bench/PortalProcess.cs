using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;

namespace Profiles.Bench;

/// <summary>The portal as an operator runs it by default: <c>dotnet run -c Release --no-build --project src/Profiles.Web</c> (Development
/// with no Auth0 domain: the embedded local tenant), plus its Prometheus listener on loopback so the bench can read the
/// runtime's allocation counter. Killed (with its child processes) on dispose.</summary>
public sealed partial class PortalProcess : IAsyncDisposable
{
    public const string BaseUrl = "http://127.0.0.1:5000";
    private readonly Process _process;
    private readonly int _metricsPort;

    private PortalProcess(Process process, int metricsPort)
    {
        _process = process;
        _metricsPort = metricsPort;
    }

    public static async Task<PortalProcess> StartAsync(string repository, int metricsPort)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = repository };
        // Built beforehand (see docs/benchmarks.md): building here would eat the start-up deadline on a busy machine.
        foreach (var argument in new[] { "run", "-c", "Release", "--no-build", "--project", "src/Profiles.Web" })
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        info.Environment["Profiles__Telemetry__Prometheus__Enabled"] = "true";
        info.Environment["Profiles__Telemetry__Prometheus__Port"] = metricsPort.ToString(CultureInfo.InvariantCulture);
        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet run did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var portal = new PortalProcess(process, metricsPort);
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromMinutes(5))
        {
            if (process.HasExited)
            {
                break;
            }

            try
            {
                using var home = await client.GetAsync(new Uri(BaseUrl + "/"));
                if (home.StatusCode == HttpStatusCode.OK)
                {
                    return portal;
                }
            }
            catch (HttpRequestException)
            {
                // Still building or starting: a real process, polled with a deadline.
            }
            catch (TaskCanceledException)
            {
                // Same: slow first answer while it starts.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }

        await portal.DisposeAsync();
        throw new InvalidOperationException("The portal did not answer on " + BaseUrl + " (is something else on ports 5000/5301?).");
    }

    /// <summary>Signs in through the embedded tenant's login page as a browser would; returns the portal's cookies (session,
    /// antiforgery) as one <c>Cookie</c> header, after one page view has warmed the profile cache.</summary>
    public static async Task<string> SignInAsync(string email, string password)
    {
        var portalCookies = new CookieContainer();
        using var portal = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = portalCookies }) { BaseAddress = new Uri(BaseUrl) };
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() });
        using var challenge = await portal.GetAsync(new Uri("/account/login", UriKind.Relative));
        var authorizeUrl = challenge.Headers.Location ?? throw new InvalidOperationException("No sign-in challenge.");
        using var authorize = await browser.GetAsync(authorizeUrl);
        var loginUrl = new Uri(authorizeUrl, authorize.Headers.Location ?? throw new InvalidOperationException("No login page."));
        var loginPage = await new HtmlParser().ParseDocumentAsync(await browser.GetStringAsync(loginUrl));
        var form = loginPage.QuerySelector("form[action$='/login/password']") ?? throw new InvalidOperationException("No login form.");
        var fields = form.QuerySelectorAll("input[type='hidden']")
            .Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? ""))
            .Append(new("email", email))
            .Append(new("password", password));
        using var content = new FormUrlEncodedContent(fields);
        using var posted = await browser.PostAsync(new Uri(loginUrl, form.GetAttribute("action")), content);
        var callback = posted.Headers.Location ?? throw new InvalidOperationException("The tenant refused the sign-in.");
        using var signedIn = await portal.GetAsync(new Uri(callback.PathAndQuery, UriKind.Relative));
        using var overview = await portal.GetAsync(new Uri("/", UriKind.Relative));
        var html = await overview.Content.ReadAsStringAsync();
        if (overview.StatusCode != HttpStatusCode.OK || !html.Contains("/account/logout", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Signing in did not reach the account overview ({(int)overview.StatusCode}).");
        }

        return portalCookies.GetCookieHeader(new Uri(BaseUrl));
    }

    /// <summary>Bytes the portal process has allocated since it started (the runtime's <c>dotnet.gc.heap.total_allocated</c>).</summary>
    public Task<double> TotalAllocatedBytesAsync() => CounterAsync(AllocatedPattern());

    /// <summary>Methods the JIT has compiled so far (tiered compilation keeps recompiling hot methods for the first tens of
    /// seconds under load).</summary>
    public Task<double> CompiledMethodsAsync() => CounterAsync(CompiledMethodsPattern());

    private async Task<double> CounterAsync(Regex pattern)
    {
        using var client = new HttpClient();
        var text = await client.GetStringAsync(new Uri($"http://127.0.0.1:{_metricsPort}/metrics"));
        var match = pattern.Match(text);
        return match.Success ? double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture) : double.NaN;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    [GeneratedRegex(@"^dotnet_gc_heap_total_allocated_bytes_total(\{[^}]*\})? (?<value>[0-9.eE+]+)", RegexOptions.Multiline, 1000)]
    private static partial Regex AllocatedPattern();

    [GeneratedRegex(@"^dotnet_jit_compiled_methods_total(\{[^}]*\})? (?<value>[0-9.eE+]+)", RegexOptions.Multiline, 1000)]
    private static partial Regex CompiledMethodsPattern();
}
