using Profiles.Core.Logging;
using Profiles.Core.Persistence;
using Profiles.Core.Security;

namespace Profiles.Core.Tests.Security;

/// <summary>The pseudonymous user keys are HMACs computed once per user, not on every request that asks for them.</summary>
public abstract class UserKeyMemoTests(PortalDatabaseProvider provider) : IDisposable
{
    private readonly PortalDatabaseFixture _db = new(provider);

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task A_portal_user_key_is_computed_once_per_user_and_stays_the_same()
    {
        using var portal = _db.NewInstance();

        var first = await portal.Keys.ForAsync("auth0|alice", default);
        var again = await portal.Keys.ForAsync("auth0|alice", default);
        var bob = await portal.Keys.ForAsync("auth0|bob", default);

        Assert.Equal(first, again);
        Assert.NotEqual(first, bob);
        Assert.Equal(2, portal.Keys.Remembered);
        using var other = _db.NewInstance();
        Assert.Equal(first, await other.Keys.ForAsync("auth0|alice", default));
    }

    [Fact]
    public void The_memo_is_bounded()
    {
        var memo = new UserKeyMemo();
        for (var i = 0; i < UserKeyMemo.Capacity + 5; i++)
        {
            memo.Remember("user" + i, "key" + i);
        }

        Assert.InRange(memo.Count, 1, UserKeyMemo.Capacity);
        Assert.True(memo.TryGet("user" + (UserKeyMemo.Capacity + 4), out var last));
        Assert.Equal("key" + (UserKeyMemo.Capacity + 4), last);
    }

    [Fact]
    public void Log_keys_from_instances_with_alternating_secrets_stay_correct()
    {
        const string User = "auth0|alice";
        var a1 = new UserLogKey("secret-a").For(User);
        var b = new UserLogKey("secret-b").For(User);
        var a2 = new UserLogKey("secret-a").For(User);

        Assert.Equal(a1, a2);
        Assert.NotEqual(a1, b);
    }

    public sealed class OnSqlite() : UserKeyMemoTests(PortalDatabaseProvider.Sqlite);

    public sealed class OnPostgres() : UserKeyMemoTests(PortalDatabaseProvider.Postgres);
}
