using Microsoft.Extensions.Options;
using Profiles.LocalTenant.Data;
using Profiles.LocalTenant.Hosting;
using Profiles.LocalTenant.Security;
using Profiles.LocalTenant.Tests.Infrastructure;

namespace Profiles.LocalTenant.Tests.Authentication;

/// <summary>Brute-force counters on the tenant's clock: per user and IP, and lifted 30 days after the last failure.</summary>
public sealed class BruteForceClockTests : IDisposable
{
    private const string User = "auth0|64b97a87b6c808c6f9cc0001";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero));
    private readonly TenantStore _store = TenantStore.Open(null);

    public void Dispose() => _store.Dispose();

    [Fact]
    public void A_block_ends_thirty_days_after_the_last_failure()
    {
        var protection = Protection(threshold: 3);
        Assert.False(protection.RecordFailure(User, "alice@example.com", "10.0.0.1", "db"));
        Assert.False(protection.RecordFailure(User, "alice@example.com", "10.0.0.1", "db"));
        Assert.True(protection.RecordFailure(User, "alice@example.com", "10.0.0.1", "db"));
        Assert.False(protection.RecordFailure(User, "alice@example.com", "10.0.0.1", "db"));

        _time.Advance(TimeSpan.FromDays(30) - TimeSpan.FromSeconds(1));
        Assert.True(protection.IsBlocked(User, "10.0.0.1"));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.False(protection.IsBlocked(User, "10.0.0.1"));
        Assert.Empty(_store.Read(d => protection.BlocksOf(d, User)));
    }

    [Fact]
    public void Counts_are_per_ip_and_a_new_count_starts_after_a_block_expires()
    {
        var protection = Protection(threshold: 2);
        protection.RecordFailure(User, "alice@example.com", "10.0.0.1", "db");
        Assert.True(protection.RecordFailure(User, "alice@example.com", "10.0.0.1", "db"));
        Assert.False(protection.IsBlocked(User, "10.0.0.2"));

        _time.Advance(TimeSpan.FromDays(31));
        Assert.False(protection.RecordFailure(User, "alice@example.com", "10.0.0.1", "db"));
        Assert.True(protection.RecordFailure(User, "alice@example.com", "10.0.0.1", "db"));
    }

    [Fact]
    public void A_threshold_of_zero_turns_protection_off()
    {
        var protection = Protection(threshold: 0);
        for (var i = 0; i < 50; i++)
        {
            Assert.False(protection.RecordFailure(User, "alice@example.com", "10.0.0.1", "db"));
        }

        Assert.False(protection.IsBlocked(User, "10.0.0.1"));
    }

    private BruteForceProtection Protection(int threshold)
        => new(_store, _time, Options.Create(new LocalTenantOptions { BruteForceThreshold = threshold }));
}
