using Moq;
using Profiles.Core.Profiles;

namespace Profiles.Web.Tests.Infrastructure;

/// <summary>
/// Page tests against a portal signed in through the fake OIDC provider, whose profile service (a strict mock) returns
/// <paramref name="profile"/> for the signed-in user. One portal per test, so mocks set up in one test never leak.
/// </summary>
public abstract class SignedInPortalTests(UserProfile profile) : FakeProviderPortalTests
{
    protected HttpClient Client { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Portal.Profiles.Setup(p => p.GetProfileAsync(FakeOidcProvider.Subject, It.IsAny<CancellationToken>())).ReturnsAsync(profile);
        Client = Portal.CreatePortalClient();
        await PortalSession.SignInSuccessfullyAsync(Client);
    }
}
