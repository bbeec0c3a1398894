using System.Collections.Concurrent;
using Profiles.LocalTenant.Data;

namespace Profiles.LocalTenant.Authentication;

/// <summary>Pending sign-ins, in memory: a restart simply asks people to start again, as an expired Auth0 transaction does.</summary>
public sealed class LoginTransactions(TimeProvider time)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    // Bounds memory when something hammers /authorize; the oldest pending sign-ins give way first.
    private const int MaxPending = 10_000;
    private readonly ConcurrentDictionary<string, LoginTransaction> _pending = new(StringComparer.Ordinal);

    public LoginTransaction Start(AuthorizationRequest request)
    {
        var now = time.GetUtcNow();
        foreach (var stale in _pending.Where(p => p.Value.ExpiresAt <= now))
        {
            _pending.TryRemove(stale.Key, out _);
        }

        if (_pending.Count >= MaxPending)
        {
            foreach (var oldest in _pending.OrderBy(p => p.Value.ExpiresAt).Take(_pending.Count - MaxPending + 1).ToList())
            {
                _pending.TryRemove(oldest.Key, out _);
            }
        }

        var transaction = new LoginTransaction(TenantIds.Token(), request, now + Lifetime);
        _pending[transaction.Id] = transaction;
        return transaction;
    }

    public LoginTransaction? Find(string? id)
        => id is not null && _pending.TryGetValue(id, out var transaction) && transaction.ExpiresAt > time.GetUtcNow() ? transaction : null;

    /// <summary>Replaces a live transaction (e.g. with its second-factor challenge); false when it has ended meanwhile.</summary>
    public bool Update(LoginTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        return _pending.TryGetValue(transaction.Id, out var current) && _pending.TryUpdate(transaction.Id, transaction, current);
    }

    /// <summary>Ends a transaction so its forms cannot be replayed.</summary>
    public void Complete(string id) => _pending.TryRemove(id, out _);
}
