using Microsoft.AspNetCore.Builder;
using Profiles.Web.Hosting;
using Profiles.Web.Tests.Infrastructure;

namespace Profiles.Web.Tests;

public sealed class StartupTests
{
    [Fact]
    public async Task Production_without_auth0_settings_fails_with_one_message_naming_each_missing_setting()
    {
        await using var portal = new PortalFactory(authority: null, environment: "Production");

        var message = portal.StartupFailure();

        Assert.Contains("Auth0:Domain", message, StringComparison.Ordinal);
        Assert.Contains("Auth0:ClientId", message, StringComparison.Ordinal);
        Assert.Contains("Auth0:ClientSecret", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_refuses_an_http_authority()
    {
        await using var portal = new PortalFactory("http://127.0.0.1:9", environment: "Production");

        var message = portal.StartupFailure();

        Assert.Contains("Auth0:Domain must use https", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_local_tenant_is_never_embedded_in_production()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });

        var tenant = await EmbeddedTenantBootstrap.StartIfNeededAsync(builder, CancellationToken.None);

        Assert.Null(tenant);
        Assert.Null(builder.Configuration["Auth0:Domain"]);
    }

    [Fact]
    public void Portal_urls_include_the_launch_defaults_and_configured_urls_with_wildcards_resolved()
    {
        var urls = EmbeddedTenantBootstrap.PortalUrls("http://+:8080;https://portal.example:5001/");

        Assert.Equal(
            ["http://127.0.0.1:5000", "http://localhost:5000", "http://127.0.0.1:8080", "http://localhost:8080", "https://portal.example:5001"],
            urls);
    }

    [Theory]
    [InlineData("http://localhost:5000", "http://localhost:5301")]
    [InlineData("http://localhost:5000;https://LOCALHOST:5001", "http://localhost:5301")]
    [InlineData("http://127.0.0.1:5000", "http://127.0.0.1:5301")]
    [InlineData("http://localhost:5000;http://127.0.0.1:5000", "http://127.0.0.1:5301")]
    [InlineData("http://+:8080", "http://127.0.0.1:5301")]
    [InlineData("", "http://127.0.0.1:5301")]
    [InlineData(null, "http://127.0.0.1:5301")]
    public void The_embedded_tenant_runs_on_localhost_when_the_portal_does_so_passkeys_work_in_the_browser(string? portalUrls, string tenantUrl)
        => Assert.Equal(tenantUrl, EmbeddedTenantBootstrap.TenantUrlFor(portalUrls));
}
