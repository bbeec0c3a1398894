using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Profiles.Core.Persistence;

namespace Profiles.Core.Security;

/// <summary>One random key the portal generates for itself on first use and keeps in <c>portal_secrets</c>, so it survives
/// restarts and every instance sharing the database agrees on it. Loaded once, then served from memory.</summary>
public sealed class PortalSecret(IDbContextFactory<PortalDbContext> factory, string name) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private byte[]? _key;

    public async ValueTask<byte[]> GetAsync(CancellationToken cancellationToken) => _key ?? await LoadAsync(cancellationToken);

    public void Dispose() => _gate.Dispose();

    private async Task<byte[]> LoadAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_key is not null)
            {
                return _key;
            }

            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            var row = await db.Secrets.AsNoTracking().SingleOrDefaultAsync(s => s.Name == name, cancellationToken);
            if (row is null)
            {
                db.Secrets.Add(new PortalSecretRow { Name = name, Value = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) });
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                }
                catch (DbUpdateException)
                {
                    // Another instance created it first: use theirs.
                    db.ChangeTracker.Clear();
                }

                row = await db.Secrets.AsNoTracking().SingleAsync(s => s.Name == name, cancellationToken);
            }

            _key = Convert.FromBase64String(row.Value);
            return _key;
        }
        finally
        {
            _gate.Release();
        }
    }
}
