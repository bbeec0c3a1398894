namespace Profiles.EndToEnd.Tests.Infrastructure;

/// <summary>Browser tests that drive the portal share one Chromium; each test class gets its own portal and tenant.</summary>
[CollectionDefinition(Name)]
public sealed class PortalCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "portal";
}
