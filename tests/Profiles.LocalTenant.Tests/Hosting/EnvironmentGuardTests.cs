using Profiles.LocalTenant.Hosting;

namespace Profiles.LocalTenant.Tests.Hosting;

public class EnvironmentGuardTests
{
    [Theory]
    [InlineData("Production")]
    [InlineData("production")]
    [InlineData("Staging")]
    [InlineData("Prod")]
    [InlineData("")]
    public async Task The_tenant_refuses_to_start_outside_development_and_tests(string environment)
    {
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => EmbeddedLocalTenant.StartAsync(environment, o => o.DatabasePath = null));

        Assert.Contains("development and tests only", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Development")]
    [InlineData("Testing")]
    public async Task The_tenant_starts_in_development_and_tests(string environment)
    {
        await using var tenant = await EmbeddedLocalTenant.StartAsync(environment, o => o.DatabasePath = null);

        Assert.StartsWith("http://127.0.0.1:", tenant.BaseUrl, StringComparison.Ordinal);
    }
}
