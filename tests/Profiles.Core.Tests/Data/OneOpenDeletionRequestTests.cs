using Microsoft.EntityFrameworkCore;
using Profiles.Core.Persistence;
using Profiles.Core.Tests.Pacing;

namespace Profiles.Core.Tests.Data;

/// <summary>The schema keeps at most one open deletion request per user, whatever the timing of the inserts: the rule the
/// service relies on when two requests of one user arrive together.</summary>
public sealed class OneOpenDeletionRequestTests : IDisposable
{
    private const string UserKey = "user-key-1";
    private readonly SqliteFile _database = new();

    public OneOpenDeletionRequestTests()
    {
        using var db = _database.CreateDbContext();
        db.Database.Migrate();
    }

    [Fact]
    public async Task Two_simultaneous_inserts_of_an_open_request_store_exactly_one()
    {
        // Same millisecond, separate connections: the situation in which the old "first by time, then by id" rule kept both.
        var inserts = Enumerable.Range(0, 8).Select(_ => Task.Run(() => TryInsertAsync(Row(DeletionStatus.Pending)))).ToArray();

        var stored = await Task.WhenAll(inserts);

        Assert.Equal(1, stored.Count(s => s));
        await using var db = _database.CreateDbContext();
        Assert.Single(await db.DeletionRequests.Where(r => r.UserKey == UserKey).ToListAsync());
    }

    [Theory]
    [InlineData(DeletionStatus.Pending)]
    [InlineData(DeletionStatus.InProgress)]
    [InlineData(DeletionStatus.Failed)]
    public async Task An_open_request_refuses_a_second_open_one(string status)
    {
        Assert.True(await TryInsertAsync(Row(status)));

        Assert.False(await TryInsertAsync(Row(DeletionStatus.Pending)));
    }

    [Theory]
    [InlineData(DeletionStatus.Cancelled)]
    [InlineData(DeletionStatus.Completed)]
    public async Task A_closed_request_leaves_room_for_a_new_one(string status)
    {
        Assert.True(await TryInsertAsync(Row(status)));
        Assert.True(await TryInsertAsync(Row(status)));

        Assert.True(await TryInsertAsync(Row(DeletionStatus.Pending)));
    }

    public void Dispose() => _database.Dispose();

    private static DeletionRequestRow Row(string status) => new()
    {
        Id = Guid.NewGuid(),
        UserId = "auth0|one-open",
        UserKey = UserKey,
        RequestedAtMs = 1_000,
        DueAtMs = 2_000,
        NextAttemptAtMs = 2_000,
        Status = status,
        CancelTokenHash = Guid.NewGuid().ToString("N"),
    };

    private async Task<bool> TryInsertAsync(DeletionRequestRow row)
    {
        await using var db = _database.CreateDbContext();
        db.DeletionRequests.Add(row);
        try
        {
            await db.SaveChangesAsync();
            return true;
        }
        catch (DbUpdateException)
        {
            return false;
        }
    }
}
