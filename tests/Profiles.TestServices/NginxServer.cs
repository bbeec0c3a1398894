using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Profiles.TestServices;

/// <summary>
/// A throwaway nginx (Debian's package, which the test command installs) in front of several portal instances, shaped like
/// <c>deploy/nginx.conf</c>: TLS on 127.0.0.1 and a free port with a certificate made at run time, round-robin over the
/// upstreams with no stickiness, the <c>X-Forwarded-*</c> headers, and <c>proxy_next_upstream error timeout</c> (a request
/// that could not be handed to one instance goes to the next; a POST already sent is never sent twice). Its prefix,
/// configuration and logs live under a temp directory; stopped on dispose, or by its watchdog once the test process is gone.
/// Each answer names the instance that served it in <see cref="UpstreamHeader"/>, so tests can tell instances apart.
/// </summary>
public sealed class NginxServer : IAsyncDisposable
{
    /// <summary>The response header naming the upstream address(es) nginx tried for the request (<c>$upstream_addr</c>).</summary>
    public const string UpstreamHeader = "X-Upstream";

    /// <summary>Runs nginx ($2) with prefix $3 while process $1 lives, then stops it gracefully.</summary>
    private const string Watchdog = """
        "$2" -p "$3" -c "$3/nginx.conf" -g "daemon off;" &
        server=$!
        while kill -0 "$1" 2>/dev/null && kill -0 "$server" 2>/dev/null; do sleep 1; done
        kill -QUIT "$server" 2>/dev/null
        wait "$server"
        """;

    private readonly ServerProcess _process;

    private NginxServer(ServerProcess process, X509Certificate2 certificate)
    {
        _process = process;
        Certificate = certificate;
    }

    /// <summary>The public address users reach, e.g. <c>https://127.0.0.1:41234</c>.</summary>
    public string BaseUrl => $"https://127.0.0.1:{_process.Port}";

    /// <summary>The self-signed certificate nginx serves; clients trust exactly this one.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>Starts nginx in front of <paramref name="upstreamPorts"/> (HTTP on 127.0.0.1); the instances need not be up yet.
    /// <paramref name="failTimeout"/>: how long an instance that refused a connection is left out (production: 10 s).</summary>
    public static async Task<NginxServer> StartAsync(IReadOnlyList<int> upstreamPorts, TimeSpan? failTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(upstreamPorts);
        var executable = File.Exists("/usr/sbin/nginx") ? "/usr/sbin/nginx" : "nginx";
        var certificate = CreateCertificate();
        var process = await ServerProcess.StartAsync("/bin/sh", (port, directory) =>
        {
            File.WriteAllText(Path.Combine(directory, "tls.crt"), certificate.ExportCertificatePem());
            using (var key = certificate.GetRSAPrivateKey()!)
            {
                File.WriteAllText(Path.Combine(directory, "tls.key"), key.ExportPkcs8PrivateKeyPem());
            }

            File.WriteAllText(Path.Combine(directory, "nginx.conf"), Configuration(directory, port, upstreamPorts, failTimeout ?? TimeSpan.FromSeconds(10)));
            return ["-c", Watchdog, "nginx-watchdog", Environment.ProcessId.ToString(CultureInfo.InvariantCulture), executable, directory];
        }, "nginx");
        return new NginxServer(process, certificate);
    }

    /// <summary>An <see cref="HttpClientHandler"/> that trusts exactly this server's certificate, with its own cookie jar and
    /// no automatic redirects (tests follow the sign-in's redirects themselves).</summary>
    public HttpClientHandler CreateHandler(CookieContainer cookies) => new()
    {
        AllowAutoRedirect = false,
        CookieContainer = cookies,
        ServerCertificateCustomValidationCallback = (_, presented, _, _) => presented is not null && presented.RawDataMemory.Span.SequenceEqual(Certificate.RawDataMemory.Span),
    };

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        Certificate.Dispose();
    }

    /// <summary>The test's nginx.conf. As root, nginx would hand its workers to <c>nobody</c>, who cannot enter the private
    /// temp directory: the workers stay root there (a throwaway server on loopback).</summary>
    private static string Configuration(string directory, int port, IReadOnlyList<int> upstreamPorts, TimeSpan failTimeout)
    {
        var config = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        if (Environment.IsPrivilegedProcess)
        {
            config.AppendLine("user root;");
        }

        config.AppendLine(inv, $$"""
            # One worker: one round-robin counter, so consecutive requests go to consecutive instances.
            worker_processes 1;
            pid {{directory}}/nginx.pid;
            error_log {{directory}}/error.log warn;
            events { worker_connections 1024; }
            http {
                access_log off;
                server_tokens off;
                client_body_temp_path {{directory}}/client_temp;
                proxy_temp_path {{directory}}/proxy_temp;
                fastcgi_temp_path {{directory}}/fastcgi_temp;
                uwsgi_temp_path {{directory}}/uwsgi_temp;
                scgi_temp_path {{directory}}/scgi_temp;
                upstream portal {
                    zone portal 64k;
            """);
        foreach (var upstream in upstreamPorts)
        {
            // A refused connection takes the instance out for a while, then a live request tries it again.
            config.AppendLine(inv, $"        server 127.0.0.1:{upstream} max_fails=1 fail_timeout={Math.Max(1, (int)failTimeout.TotalSeconds)}s;");
        }

        config.AppendLine(inv, $$"""
                    keepalive 16;
                }
                server {
                    listen 127.0.0.1:{{port}} ssl;
                    ssl_certificate {{directory}}/tls.crt;
                    ssl_certificate_key {{directory}}/tls.key;
                    location / {
                        proxy_pass http://portal;
                        proxy_http_version 1.1;
                        proxy_set_header Connection "";
                        proxy_set_header Host $http_host;
                        proxy_set_header X-Forwarded-Proto $scheme;
                        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                        proxy_set_header X-Forwarded-Host $http_host;
                        # As deploy/nginx.conf: the next instance only when this one could not be reached; nginx never
                        # resends a POST that was already sent (no non_idempotent), so a save is never applied twice.
                        proxy_next_upstream error timeout;
                        proxy_next_upstream_tries 3;
                        proxy_connect_timeout 2s;
                        add_header {{UpstreamHeader}} $upstream_addr always;
                    }
                }
            }
            """);
        return config.ToString();
    }

    private static X509Certificate2 CreateCertificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        var now = DateTimeOffset.UtcNow;
        using var created = request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));
        // Re-imported so the private key is usable on every platform (an ephemeral key cannot always be exported).
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null, X509KeyStorageFlags.Exportable);
    }
}
