using System.Collections.Concurrent;
using Profiles.LocalTenant.Data;

namespace Profiles.LocalTenant.Mfa;

/// <summary>Started enrolments by <c>auth_session</c>, in memory (a restart asks the user to start again). An enrolment lives
/// 10 minutes (Auth0 does not publish its <c>auth_session</c> lifetime; this leaves time to scan a QR code).</summary>
public sealed class PendingEnrollments(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    private const int MaxPending = 10_000;
    private readonly ConcurrentDictionary<string, PendingEnrollment> _pending = new(StringComparer.Ordinal);

    /// <summary>A new <c>auth_session</c> value.</summary>
    public static string NewSession() => TenantIds.Token(32);

    public DateTimeOffset ExpiryFromNow() => time.GetUtcNow() + Lifetime;

    public void Add(PendingEnrollment enrollment)
    {
        ArgumentNullException.ThrowIfNull(enrollment);
        var now = time.GetUtcNow();
        foreach (var stale in _pending.Where(p => p.Value.ExpiresAt <= now || _pending.Count >= MaxPending))
        {
            _pending.TryRemove(stale.Key, out _);
        }

        _pending[enrollment.AuthSession] = enrollment;
    }

    /// <summary>The live enrolment of <paramref name="userId"/> for <paramref name="methodId"/> named by <paramref name="authSession"/>.</summary>
    public PendingEnrollment? Find(string? authSession, string userId, string methodId)
        => authSession is not null && _pending.TryGetValue(authSession, out var e) && e.ExpiresAt > time.GetUtcNow()
            && e.UserId == userId && e.MethodId == methodId ? e : null;

    public void Complete(string authSession) => _pending.TryRemove(authSession, out _);

    /// <summary>Counts a wrong code for <paramref name="authSession"/>; at the <paramref name="limit"/>th the enrolment ends (true).</summary>
    public bool RecordWrongCode(string authSession, int limit)
    {
        while (_pending.TryGetValue(authSession, out var current))
        {
            if (current.WrongCodes + 1 >= limit)
            {
                if (_pending.TryRemove(KeyValuePair.Create(authSession, current)))
                {
                    return true;
                }
            }
            else if (_pending.TryUpdate(authSession, current with { WrongCodes = current.WrongCodes + 1 }, current))
            {
                return false;
            }
        }

        return true;
    }
}
