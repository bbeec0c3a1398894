using Profiles.Core.Profiles;
using Profiles.Core.Settings;
using Profiles.Core.Tests.Infrastructure;

namespace Profiles.Core.Tests.Profiles;

/// <summary>The profile cache on HybridCache: one load per window, a save's answer replaces the entry, forgetting it reads
/// Auth0 again; shared with other instances through the second level when Redis is on.</summary>
public sealed class ProfileCacheTests : IDisposable
{
    private const string UserId = "auth0|alice";
    private readonly SharedSecondLevel _redis = new();
    private int _loads;

    public void Dispose() => _redis.Dispose();

    [Fact]
    public async Task A_save_on_one_instance_is_what_another_instance_reads_next_without_a_load()
    {
        using var a = new TestCaches(secondLevel: _redis);
        using var b = new TestCaches(secondLevel: _redis);
        var onA = a.Profiles();
        var onB = b.Profiles();

        Assert.Equal("Alice", (await onA.GetOrLoadAsync(UserId, LoadAsync("Alice"), default)).Name);
        Assert.Equal("Alice", (await onB.GetOrLoadAsync(UserId, LoadAsync("unused"), default)).Name);
        Assert.Equal(1, _loads);

        await onA.RememberAsync(UserId, Profile("Alice Saved"), default);
        Assert.Equal("Alice Saved", (await onB.GetOrLoadAsync(UserId, LoadAsync("unused"), default)).Name);
        Assert.Equal(1, _loads);

        await onB.ForgetAsync(UserId, default);
        Assert.Equal("Alice Reloaded", (await onA.GetOrLoadAsync(UserId, LoadAsync("Alice Reloaded"), default)).Name);
        Assert.Equal(2, _loads);
    }

    [Fact]
    public async Task Without_redis_an_instance_hands_out_the_same_instance_until_forgotten()
    {
        using var caches = new TestCaches();
        var cache = caches.Profiles();
        var first = await cache.GetOrLoadAsync(UserId, LoadAsync("Alice"), default);

        Assert.Same(first, await cache.GetOrLoadAsync(UserId, LoadAsync("unused"), default));
        await cache.ForgetAsync(UserId, default);
        Assert.NotSame(first, await cache.GetOrLoadAsync(UserId, LoadAsync("Alice"), default));
        Assert.Equal(2, _loads);
    }

    [Fact]
    public async Task A_window_of_zero_caches_nothing()
    {
        using var caches = new TestCaches();
        var cache = caches.Profiles(new ManagementApiOptions { ProfileCacheSeconds = 0 });

        await cache.GetOrLoadAsync(UserId, LoadAsync("Alice"), default);
        await cache.RememberAsync(UserId, Profile("Saved"), default);
        Assert.Equal("Alice", (await cache.GetOrLoadAsync(UserId, LoadAsync("Alice"), default)).Name);
        Assert.Equal(2, _loads);
    }

    private Func<CancellationToken, Task<UserProfile>> LoadAsync(string name) => _ =>
    {
        _loads++;
        return Task.FromResult(Profile(name));
    };

    private static UserProfile Profile(string name) => new(UserId, "alice@example.com", true, name, "alice", null, null, null, null, null,
        [new LinkedIdentity("auth0", "Username-Password-Authentication", "alice", false, true, "alice@example.com")],
        new System.Text.Json.Nodes.JsonObject { ["locale"] = "fr" }, [], false, "Username-Password-Authentication", true);
}
