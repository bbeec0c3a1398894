using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using Profiles.Web.Hosting;
using Profiles.Web.Tests.Infrastructure;

namespace Profiles.Web.Tests;

/// <summary><c>Profiles:PublicOrigin</c>: required (with <c>AllowedHosts</c> not <c>*</c>) in Production, the bound address by
/// default in Development.</summary>
public sealed class PublicOriginSettingTests
{
    [Fact]
    public async Task Production_without_a_public_origin_refuses_to_start_naming_the_setting()
    {
        await using var portal = new PortalFactory("https://example.eu.auth0.com", environment: "Production",
            extraSettings: new Dictionary<string, string?> { ["Profiles:PublicOrigin"] = null, ["AllowedHosts"] = "account.example.com" });

        var message = portal.StartupFailure();

        Assert.Contains("Profiles:PublicOrigin is missing", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_with_allowed_hosts_star_refuses_to_start_naming_the_setting()
    {
        await using var portal = new PortalFactory("https://example.eu.auth0.com", environment: "Production",
            extraSettings: new Dictionary<string, string?> { ["Profiles:PublicOrigin"] = "https://account.example.com", ["AllowedHosts"] = "*" });

        var message = portal.StartupFailure();

        Assert.Contains("AllowedHosts", message, StringComparison.Ordinal);
        Assert.DoesNotContain("Profiles:PublicOrigin is missing", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://account.example.com", "account.example.com", true)]
    [InlineData("https://account.example.com/", "account.example.com;www.example.com", true)]
    [InlineData("http://account.example.com", "account.example.com", false)]
    [InlineData("https://account.example.com/portal", "account.example.com", false)]
    [InlineData("https://account.example.com?x=1", "account.example.com", false)]
    [InlineData("account.example.com", "account.example.com", false)]
    [InlineData("", "account.example.com", false)]
    [InlineData("https://account.example.com", "", false)]
    public void Production_accepts_only_an_https_origin_and_explicit_allowed_hosts(string origin, string allowedHosts, bool valid)
    {
        var result = Validate("Production", origin, allowedHosts);

        Assert.Equal(valid, result.Succeeded);
    }

    [Fact]
    public void Development_may_leave_the_origin_unset_and_allowed_hosts_open()
    {
        Assert.True(Validate("Development", "", "*").Succeeded);
        Assert.True(Validate("Testing", "", "*").Succeeded);
        Assert.False(Validate("Development", "not a url", "*").Succeeded);
    }

    [Theory]
    [InlineData(null, new[] { "http://127.0.0.1:5123" }, "http://127.0.0.1:5123")]
    [InlineData(null, new[] { "http://127.0.0.1:5000", "https://127.0.0.1:5001" }, "https://127.0.0.1:5001")]
    [InlineData(null, new[] { "http://+:8080" }, "http://localhost:8080")]
    [InlineData(null, new string[0], "http://localhost")]
    [InlineData("https://account.example.com/", new[] { "http://127.0.0.1:5123" }, "https://account.example.com")]
    public void The_origin_is_the_setting_else_the_bound_address(string? configured, string[] bound, string expected)
    {
        var urls = new PublicUrls(Options.Create(new PublicOriginOptions { PublicOrigin = configured }), new BoundServer(bound));

        Assert.Equal(expected, urls.Origin);
        Assert.Equal(expected + "/data/cancel-deletion?token=a", urls.For("/data/cancel-deletion?token=a").AbsoluteUri);
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("relative")]
    public void Only_paths_on_the_portal_are_made_absolute(string path)
    {
        var urls = new PublicUrls(Options.Create(new PublicOriginOptions { PublicOrigin = "https://account.example.com" }), new BoundServer([]));

        Assert.Throws<ArgumentException>(() => urls.For(path));
    }

    private static ValidateOptionsResult Validate(string environment, string origin, string allowedHosts)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["AllowedHosts"] = allowedHosts }).Build();
        var hostEnvironment = new HostingEnvironment { EnvironmentName = environment };
        return new PublicOriginOptionsValidator(hostEnvironment, configuration).Validate(null, new PublicOriginOptions { PublicOrigin = origin });
    }

    private sealed class BoundServer(string[] addresses) : IServer
    {
        public IFeatureCollection Features { get; } = Create(addresses);

        public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken)
            where TContext : notnull => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public void Dispose()
        {
        }

        private static FeatureCollection Create(string[] addresses)
        {
            var feature = new ServerAddressesFeature();
            foreach (var address in addresses)
            {
                feature.Addresses.Add(address);
            }

            var features = new FeatureCollection();
            features.Set<IServerAddressesFeature>(feature);
            return features;
        }
    }
}
