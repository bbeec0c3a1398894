namespace Profiles.EndToEnd.Tests.Infrastructure;

/// <summary>One Chromium for all browser tests: starting it is the slow part.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
