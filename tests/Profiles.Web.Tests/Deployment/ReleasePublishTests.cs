using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.RegularExpressions;
using Profiles.TestServices;
using Profiles.Web.Tests.Infrastructure;

namespace Profiles.Web.Tests.Deployment;

/// <summary>A published portal carries no development tenant: no tenant assembly, none of the demo seed's passwords or client
/// secrets in any file, and without Auth0 settings it stops at start-up with a message naming them instead of starting one.
/// With the environment of <c>deploy/compose.yaml</c> (PostgreSQL, Redis, a key-ring certificate) it starts, as the container
/// would.</summary>
public sealed partial class ReleasePublishTests(ReleasePublish publish) : IClassFixture<ReleasePublish>
{
    [Fact]
    public void The_publish_output_has_no_local_tenant_assembly()
    {
        var files = Directory.GetFiles(publish.Directory, "*", SearchOption.AllDirectories).Select(Path.GetFileName).ToList();

        Assert.Contains("Profiles.Web.dll", files);
        Assert.DoesNotContain(files, f => f!.Contains("LocalTenant", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain("Profiles.LocalTenant", File.ReadAllText(Path.Combine(publish.Directory, "Profiles.Web.deps.json")), StringComparison.Ordinal);
    }

    [Fact]
    public void No_published_file_contains_a_demo_password_or_client_secret()
    {
        var seed = File.ReadAllText(Path.Combine(publish.RepositoryRoot, "src", "Profiles.LocalTenant", "Seed", "default-seed.json"));
        var secrets = SeedSecret().Matches(seed).Select(m => m.Groups["value"].Value).Distinct().ToList();
        Assert.Contains("Alice-demo-2026", secrets);

        var offenders = new List<string>();
        foreach (var file in Directory.GetFiles(publish.Directory, "*", SearchOption.AllDirectories))
        {
            var bytes = File.ReadAllBytes(file);
            // UTF-8 for text and resources, UTF-16 for string literals compiled into assemblies.
            offenders.AddRange(secrets
                .Where(s => Contains(bytes, Encoding.UTF8.GetBytes(s)) || Contains(bytes, Encoding.Unicode.GetBytes(s)))
                .Select(s => $"{Path.GetRelativePath(publish.Directory, file)}: {s}"));
        }

        Assert.True(offenders.Count == 0, "Demo secrets in the publish output:\n" + string.Join('\n', offenders));
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Development")]
    public async Task Without_auth0_settings_the_published_portal_refuses_to_start_naming_them(string environment)
    {
        var (exitCode, output) = await ReleasePublish.RunAsync(
            "dotnet",
            [Path.Combine(publish.Directory, "Profiles.Web.dll")],
            publish.Directory,
            new Dictionary<string, string?>
            {
                ["ASPNETCORE_ENVIRONMENT"] = environment,
                ["DOTNET_ENVIRONMENT"] = environment,
                ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
                ["Auth0__Domain"] = null,
                ["Auth0__ClientId"] = null,
                ["Auth0__ClientSecret"] = null,
                ["PortalDatabase__ConnectionString"] = $"Data Source={Path.Combine(publish.Directory, $"start-{environment}.db")}",
            },
            TimeSpan.FromMinutes(2));

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Auth0:Domain", output, StringComparison.Ordinal);
        Assert.DoesNotContain("5301", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_the_compose_file_s_settings_the_published_portal_starts_and_answers_its_public_host_only()
    {
        var certificatePath = Path.Combine(publish.Directory, "keyring.pfx");
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=Profiles key ring (test)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
            await File.WriteAllBytesAsync(certificatePath, certificate.Export(X509ContentType.Pfx, "compose-test"));
        }

        var secrets = new Dictionary<string, string>
        {
            ["AUTH0_DOMAIN"] = "tenant.example",
            ["AUTH0_CLIENT_ID"] = "compose-client",
            ["AUTH0_CLIENT_SECRET"] = "compose-secret",
            ["AUTH0_MANAGEMENT_CLIENT_ID"] = "compose-m2m",
            ["AUTH0_MANAGEMENT_CLIENT_SECRET"] = "compose-m2m-secret",
            ["KEYRING_CERTIFICATE_PASSWORD"] = "compose-test",
            ["POSTGRES_PASSWORD"] = "unused",
            ["SMTP_HOST"] = "127.0.0.1",
        };
        // The compose file's variables, as environment variables, exactly as compose hands them to the container; only what
        // names the compose network's hosts and mounts changes: the database and Redis are the run's own servers, and the
        // key-ring certificate is a file of the test's (compose mounts it as a secret).
        var environment = ComposeFile.Environment().ToDictionary(v => v.Key, v => ComposeFile.Substitute(v.Value, secrets));
        var database = await (await PostgresServer.SharedAsync()).CreateDatabaseAsync("compose");
        environment["PortalDatabase__ConnectionString"] = database;
        environment["Redis__Configuration"] = await RedisServer.ConfigurationAsync();
        environment["Redis__InstanceName"] = RedisServer.NewInstanceName();
        environment["Profiles__DataProtection__CertificatePath"] = certificatePath;
        Assert.Equal("Production", environment["ASPNETCORE_ENVIRONMENT"]);
        Assert.Equal("Postgres", environment["PortalDatabase__Provider"]);

        await using var portal = await ServerProcess.StartAsync(
            "/usr/bin/env",
            // The image's WORKDIR is the publish folder, its content root.
            (port, _) => new[] { "--chdir=" + publish.Directory }.Concat(environment.Select(v => $"{v.Key}={v.Value}"))
                .Concat([$"ASPNETCORE_URLS=http://127.0.0.1:{port}", "dotnet", Path.Combine(publish.Directory, "Profiles.Web.dll")]),
            "published-portal",
            TimeSpan.FromMinutes(1));
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{portal.Port}") };

        using var ownHost = new HttpRequestMessage(HttpMethod.Get, "/health/live") { Headers = { Host = "account.example.com" } };
        using var otherHost = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(ownHost)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(otherHost)).StatusCode);
        // On PostgreSQL: the migrations ran, and the key ring's first key is there, encrypted with the configured certificate.
        await Eventually.TrueAsync(async () => await PostgresServer.QueryAsync<long>(database, "SELECT count(*) FROM data_protection_keys") > 0, "the first key");
        Assert.Contains("encryptedSecret", await PostgresServer.QueryAsync<string>(database, "SELECT xml FROM data_protection_keys LIMIT 1"), StringComparison.Ordinal);
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;

    [GeneratedRegex("\"(?:password|clientSecret)\"\\s*:\\s*\"(?<value>[^\"]+)\"")]
    private static partial Regex SeedSecret();
}
