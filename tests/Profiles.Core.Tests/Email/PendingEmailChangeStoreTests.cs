using Profiles.Core.Email;
using Profiles.Core.Persistence;
using Profiles.Core.Tests.Pacing;
using Profiles.Core.Tests.Infrastructure;

namespace Profiles.Core.Tests.Email;

/// <summary>The attempt limit holds under parallel guesses: an attempt is used up before a code is compared, in one
/// conditional statement, so however many requests arrive at once, at most the limit get to compare.</summary>
public abstract class PendingEmailChangeStoreTests : IDisposable
{
    private const string UserKey = "k_test";
    private const string CodeHash = "hash";
    private readonly PortalTestDatabase _database;
    private readonly PendingEmailChangeStore _store;

    protected PendingEmailChangeStoreTests(PortalDatabaseProvider provider)
    {
        _database = PortalTestDatabase.Create(provider);
        PortalDatabase.MigrateAsync(_database, CancellationToken.None).GetAwaiter().GetResult();
        _store = new PendingEmailChangeStore(_database);
    }

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Parallel_guesses_get_at_most_the_allowed_number_of_attempts()
    {
        await _store.ReplaceAsync(Pending(expiresAtMs: 10_000), CancellationToken.None);

        var reservations = await Task.WhenAll(Enumerable.Range(0, 20)
            .Select(_ => Task.Run(() => _store.ReserveAttemptAsync(UserKey, CodeHash, maxAttempts: 5, nowMs: 1_000, CancellationToken.None))));

        Assert.Equal(5, reservations.Count(r => r is not null));
        // Each reports the count it read just after its own update: never below its own reservation, never above the limit.
        Assert.All(reservations.OfType<int>(), attempts => Assert.InRange(attempts, 1, 5));
    }

    [Fact]
    public async Task An_expired_change_cannot_be_guessed_at_or_claimed()
    {
        await _store.ReplaceAsync(Pending(expiresAtMs: 1_000), CancellationToken.None);

        Assert.Null(await _store.ReserveAttemptAsync(UserKey, CodeHash, maxAttempts: 5, nowMs: 1_000, CancellationToken.None));
        Assert.False(await _store.ClaimAsync(UserKey, CodeHash, nowMs: 1_000, CancellationToken.None));
    }

    [Fact]
    public async Task A_change_is_claimed_once()
    {
        await _store.ReplaceAsync(Pending(expiresAtMs: 10_000), CancellationToken.None);

        var claims = await Task.WhenAll(Enumerable.Range(0, 4)
            .Select(_ => Task.Run(() => _store.ClaimAsync(UserKey, CodeHash, nowMs: 1_000, CancellationToken.None))));

        Assert.Single(claims, c => c);
    }

    private static PendingEmailChangeRow Pending(long expiresAtMs) => new()
    {
        UserKey = UserKey,
        NewEmail = "new@example.com",
        CodeHash = CodeHash,
        CreatedAtMs = 0,
        ExpiresAtMs = expiresAtMs,
    };

    public sealed class OnSqlite() : PendingEmailChangeStoreTests(PortalDatabaseProvider.Sqlite);

    public sealed class OnPostgres() : PendingEmailChangeStoreTests(PortalDatabaseProvider.Postgres);
}
