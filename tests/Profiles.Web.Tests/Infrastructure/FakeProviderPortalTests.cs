namespace Profiles.Web.Tests.Infrastructure;

/// <summary>Tests against a portal signed in (or not) through the fake OIDC provider, with the profile service mocked. One
/// provider and portal per test.</summary>
public abstract class FakeProviderPortalTests : IAsyncLifetime
{
    protected FakeOidcProvider Provider { get; private set; } = null!;

    protected PortalFactory Portal { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        Provider = await FakeOidcProvider.StartAsync();
        Portal = PortalFactory.For(Provider);
    }

    public async Task DisposeAsync()
    {
        await Portal.DisposeAsync();
        await Provider.DisposeAsync();
    }
}
