namespace Profiles.Core.Tests.Security;

public sealed class PortalSessionRevocationsTests : IDisposable
{
    private const string Alice = "auth0|alice";
    private readonly PortalDatabaseFixture _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task Nothing_is_revoked_until_asked()
    {
        using var portal = _db.NewInstance();

        Assert.False(await portal.Revocations.IsRevokedAsync(Alice, "s1", _db.Clock.GetUtcNow(), default));
    }

    [Fact]
    public async Task Earlier_sessions_end_except_the_one_kept_and_later_sessions_live()
    {
        using var portal = _db.NewInstance();
        var earlier = _db.Clock.GetUtcNow();
        _db.Clock.Advance(TimeSpan.FromMinutes(1));

        await portal.Revocations.RevokeAsync(Alice, keepSessionId: "current", default);
        _db.Clock.Advance(TimeSpan.FromSeconds(1));
        var later = _db.Clock.GetUtcNow();

        Assert.True(await portal.Revocations.IsRevokedAsync(Alice, "other", earlier, default));
        Assert.True(await portal.Revocations.IsRevokedAsync(Alice, null, earlier, default));
        Assert.False(await portal.Revocations.IsRevokedAsync(Alice, "current", earlier, default));
        Assert.False(await portal.Revocations.IsRevokedAsync(Alice, "new", later, default));
        Assert.False(await portal.Revocations.IsRevokedAsync("auth0|bob", "other", earlier, default));
    }

    [Fact]
    public async Task Revoking_all_keeps_none_and_holds_across_instances()
    {
        var signedIn = _db.Clock.GetUtcNow();
        using (var first = _db.NewInstance())
        {
            await first.Revocations.RevokeAsync(Alice, "current", default);
            await first.Revocations.RevokeAsync(Alice, keepSessionId: null, default);
        }

        using var second = _db.NewInstance();
        Assert.True(await second.Revocations.IsRevokedAsync(Alice, "current", signedIn, default));
    }
}
