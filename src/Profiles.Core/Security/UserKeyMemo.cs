using System.Collections.Concurrent;

namespace Profiles.Core.Security;

/// <summary>Pseudonymous keys already computed, by user id: the same user's key is asked for several times on every signed-in
/// request (request log, session check, banners), and each is an HMAC. Bounded: past <see cref="Capacity"/> users it starts
/// over, which costs one HMAC per user again and keeps memory flat whatever the number of users.</summary>
internal sealed class UserKeyMemo
{
    public const int Capacity = 10_000;

    private readonly ConcurrentDictionary<string, string> _keys = new(StringComparer.Ordinal);

    public int Count => _keys.Count;

    public bool TryGet(string userId, out string key) => _keys.TryGetValue(userId, out key!);

    public string Remember(string userId, string key)
    {
        if (_keys.Count >= Capacity)
        {
            _keys.Clear();
        }

        _keys[userId] = key;
        return key;
    }
}
