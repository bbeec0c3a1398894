using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Profiles.Core.Caching;
using Profiles.Core.Management;
using Profiles.Core.Settings;

namespace Profiles.Core.Profiles;

/// <summary>The per-user profile cache <see cref="ProfileService"/> serves from, for <c>Auth0:Management:ProfileCacheSeconds</c>
/// (0: no cache). Saves store Auth0's answer in it; services that change a user in Auth0 by other means (email change,
/// linking, deletion) forget the entry so the next page shows the new state, on every instance when Redis is on.
/// A failed read is remembered for <c>Auth0:Management:FailedReadCacheSeconds</c> in this instance's memory only (the negative
/// cache): it keeps one instance's page views from multiplying calls to a failing Auth0, and is not worth sharing.</summary>
public sealed class ProfileCache(PortalCache cache, IMemoryCache failures, IOptions<ManagementApiOptions> options)
{
    public static string Key(string userId) => "profile:" + userId;

    /// <summary>Key of the remembered failed read (the negative cache).</summary>
    public static string FailureKey(string userId) => "profile-failure:" + userId;

    private TimeSpan Lifetime => TimeSpan.FromSeconds(options.Value.ProfileCacheSeconds);

    public async Task<UserProfile> GetOrLoadAsync(string userId, Func<CancellationToken, Task<UserProfile>> load, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentNullException.ThrowIfNull(load);
        if (Lifetime <= TimeSpan.Zero)
        {
            return await load(cancellationToken);
        }

        return await cache.GetOrCreateAsync(Key(userId), load, static (l, ct) => new ValueTask<UserProfile>(l(ct)), Lifetime, cancellationToken);
    }

    public async ValueTask RememberAsync(string userId, UserProfile profile, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        failures.Remove(FailureKey(userId));
        if (Lifetime > TimeSpan.Zero)
        {
            await cache.SetAsync(Key(userId), profile, Lifetime, cancellationToken);
        }
    }

    public ValueTask ForgetAsync(string userId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        failures.Remove(FailureKey(userId));
        return cache.RemoveAsync(Key(userId), cancellationToken);
    }

    /// <summary>The failed read remembered for <paramref name="userId"/>, if it is still recent.</summary>
    public ManagementApiException? RecentFailure(string userId) =>
        failures.TryGetValue(FailureKey(userId), out ManagementApiException? failed) ? failed : null;

    public void RememberFailure(string userId, ManagementApiException failure)
    {
        var seconds = options.Value.FailedReadCacheSeconds;
        if (seconds > 0)
        {
            failures.Set(FailureKey(userId), failure, TimeSpan.FromSeconds(seconds));
        }
    }
}
