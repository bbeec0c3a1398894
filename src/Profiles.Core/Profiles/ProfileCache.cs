using Microsoft.Extensions.Caching.Memory;

namespace Profiles.Core.Profiles;

/// <summary>The per-user profile cache <see cref="ProfileService"/> serves from. Services that change a user in Auth0 by other
/// means (email change, linking) forget the entry so the next page shows the new state.</summary>
public sealed class ProfileCache(IMemoryCache cache)
{
    public static string Key(string userId) => "Profiles.UserProfile:" + userId;

    public void Forget(string userId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        cache.Remove(Key(userId));
    }
}
