namespace Profiles.LocalTenant.Tests.Infrastructure;

/// <summary>Tests against a tenant of their own through a Management API client with the tenant's management token.</summary>
public abstract class ManagementApiTests : IAsyncLifetime
{
    protected TenantFixture Tenant { get; private set; } = null!;

    protected HttpClient Api { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Tenant = await TenantFixture.StartAsync();
        Api = Tenant.CreateManagementClient();
    }

    public async Task DisposeAsync()
    {
        Api.Dispose();
        await Tenant.DisposeAsync();
    }
}
