using System.Net;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Moq;
using Profiles.Web.Tests.Infrastructure;

namespace Profiles.Web.Tests.Deployment;

/// <summary>Two portal instances on one portal database share the data-protection key ring: a session cookie and an antiforgery
/// token made by one are accepted by the other, as behind a load balancer without sticky sessions.</summary>
public sealed class SharedKeyRingTests : IAsyncLifetime
{
    private readonly string _sharedDatabase = Path.Combine(Path.GetTempPath(), $"profiles-shared-keys-{Guid.NewGuid():N}.db");
    private FakeOidcProvider _provider = null!;

    public async Task InitializeAsync() => _provider = await FakeOidcProvider.StartAsync();

    public async Task DisposeAsync()
    {
        await _provider.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _sharedDatabase, _sharedDatabase + "-wal", _sharedDatabase + "-shm" })
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_session_and_antiforgery_token_from_one_instance_are_accepted_by_another_on_the_same_database()
    {
        await using var first = Instance(_sharedDatabase);
        await using var second = Instance(_sharedDatabase);
        var cookies = new CookieContainerHandler();
        using var firstClient = first.CreateDefaultClient(new Uri("https://localhost"), cookies);
        using var secondClient = second.CreateDefaultClient(new Uri("https://localhost"), new CookieContainerHandler(cookies.Container));

        await PortalSession.SignInSuccessfullyAsync(firstClient);
        var home = await PortalSession.GetDocumentAsync(secondClient, "/");
        Assert.NotNull(home.QuerySelector("nav.account-nav"));
        var firstHome = await PortalSession.GetDocumentAsync(firstClient, "/");
        var token = firstHome.QuerySelector("header form[action='/account/logout'] input[name='__RequestVerificationToken']")!.GetAttribute("value")!;

        var signOut = await PortalSession.PostFormAsync(secondClient, "/account/logout", [new("__RequestVerificationToken", token)]);

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.StartsWith($"{_provider.BaseUrl}/v2/logout?", signOut.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_instance_on_another_database_has_another_key_ring_and_refuses_the_session()
    {
        await using var first = Instance(_sharedDatabase);
        await using var stranger = Instance(database: null);
        var cookies = new CookieContainerHandler();
        using var firstClient = first.CreateDefaultClient(new Uri("https://localhost"), cookies);
        using var strangerClient = stranger.CreateDefaultClient(new Uri("https://localhost"), new CookieContainerHandler(cookies.Container));

        await PortalSession.SignInSuccessfullyAsync(firstClient);
        var home = await PortalSession.GetDocumentAsync(strangerClient, "/");

        Assert.Null(home.QuerySelector("nav.account-nav"));
    }

    private PortalFactory Instance(string? database)
    {
        var portal = new PortalFactory(_provider.BaseUrl, extraSettings: database is null
            ? null
            : new Dictionary<string, string?> { ["PortalDatabase:ConnectionString"] = $"Data Source={database}" });
        portal.Profiles.Setup(p => p.GetProfileAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync(SampleProfiles.Alice());
        return portal;
    }
}
