using Microsoft.Extensions.Options;
using Profiles.Core.Caching;

namespace Profiles.Core.Data;

/// <summary>
/// "This user has no open deletion request", the answer behind the deletion banner for almost every page view, kept in
/// <see cref="PortalCache"/> so a page view reads no database. Only that answer is cached: a user with an open request
/// reads it from the database (its status moves under the worker), and the writes that open a request (scheduling, and
/// putting back a cancel that failed at Auth0) forget the answer before the user's next page.
/// </summary>
public sealed class OpenDeletionCache(PortalCache cache, IOptions<PortalCacheOptions> options)
{
    public async Task<DeletionRequestInfo?> FindOpenAsync(string userId, Func<CancellationToken, Task<DeletionRequestInfo?>> load, CancellationToken cancellationToken)
    {
        var lifetime = TimeSpan.FromSeconds(options.Value.AccountStateSeconds);
        var read = new Read(load);
        if (await cache.GetOrCreateAsync(Key(userId), read, static async (r, ct) => await r.LoadAsync(ct) is null, lifetime, cancellationToken))
        {
            return null;
        }

        // Cached "open" (or another caller loaded it): read the request itself, and remember when it has since closed.
        var open = read.Loaded ? read.Info : await load(cancellationToken);
        if (open is null)
        {
            await cache.SetAsync(Key(userId), true, lifetime, cancellationToken);
        }

        return open;
    }

    public ValueTask ForgetAsync(string userId, CancellationToken cancellationToken) => cache.RemoveAsync(Key(userId), cancellationToken);

    internal static string Key(string userId) => "no-open-deletion:" + userId;

    private sealed class Read(Func<CancellationToken, Task<DeletionRequestInfo?>> load)
    {
        public bool Loaded { get; private set; }

        public DeletionRequestInfo? Info { get; private set; }

        public async Task<DeletionRequestInfo?> LoadAsync(CancellationToken cancellationToken)
        {
            Info = await load(cancellationToken);
            Loaded = true;
            return Info;
        }
    }
}
