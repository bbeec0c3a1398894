using Microsoft.Extensions.Options;
using Profiles.Core.Caching;

namespace Profiles.Core.Security;

/// <summary>
/// The session check every signed-in request makes, served from <see cref="PortalCache"/> instead of the database. Each
/// write goes to the database first and then invalidates or writes through the cache, so a sign-out or a revocation takes
/// effect at the next request: on this instance through its memory, on every instance when the cache is shared through Redis.
/// Keys hold the Auth0 user id and the random session id, so a hit needs neither the database nor the user-key HMAC.
/// </summary>
public sealed class CachedPortalSessionRevocations(PortalSessionRevocations store, PortalCache cache, IOptions<PortalCacheOptions> options)
    : IPortalSessionRevocations
{
    private TimeSpan Lifetime => TimeSpan.FromSeconds(options.Value.AccountStateSeconds);

    public async Task RevokeAsync(string userId, string? keepSessionId, CancellationToken cancellationToken)
    {
        await store.RevokeAsync(userId, keepSessionId, cancellationToken);
        await cache.RemoveAsync(CutoffKey(userId), cancellationToken);
    }

    public async Task EndSessionAsync(string userId, string sessionId, DateTimeOffset forgetAfter, CancellationToken cancellationToken)
    {
        await store.EndSessionAsync(userId, sessionId, forgetAfter, cancellationToken);
        // A session never comes back once ended, so the answer can be written rather than dropped.
        await cache.SetAsync(EndedKey(sessionId), true, Lifetime, cancellationToken);
    }

    public async Task<bool> IsRevokedAsync(string userId, string? sessionId, DateTimeOffset signedInAt, CancellationToken cancellationToken)
    {
        if (sessionId is not null && await IsEndedAsync(sessionId, cancellationToken))
        {
            return true;
        }

        var cutoff = await cache.GetOrCreateAsync(CutoffKey(userId), (store, userId),
            static (state, ct) => new ValueTask<SessionCutoff>(state.store.FindCutoffAsync(state.userId, ct)), Lifetime, cancellationToken);
        return cutoff.Ends(sessionId, signedInAt);
    }

    public async Task<bool> IsEndedAsync(string sessionId, CancellationToken cancellationToken) =>
        await cache.GetOrCreateAsync(EndedKey(sessionId), (store, sessionId),
            static (state, ct) => new ValueTask<bool>(state.store.IsEndedAsync(state.sessionId, ct)), Lifetime, cancellationToken);

    internal static string CutoffKey(string userId) => "session-cutoff:" + userId;

    internal static string EndedKey(string sessionId) => "ended-session:" + sessionId;
}
