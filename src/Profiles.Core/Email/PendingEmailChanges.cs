using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Profiles.Core.Persistence;
using Profiles.Core.Security;

namespace Profiles.Core.Email;

/// <summary>The pending change and its code: created with a new code, checked against what the user typed, claimed once,
/// put back or discarded. The lifetime and the attempt limit come from <see cref="EmailChangeOptions"/>.</summary>
public sealed class PendingEmailChanges(IDbContextFactory<PortalDbContext> dbFactory, PortalUserKeys userKeys, EmailCodeHasher codes,
    IOptions<EmailChangeOptions> options, TimeProvider timeProvider)
{
    private readonly PendingEmailChangeStore _store = new(dbFactory);

    private EmailChangeOptions Settings => options.Value;

    private long NowMs => timeProvider.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>The pseudonymous key the rows (and the logs) are filed under.</summary>
    public Task<string> KeyForAsync(string userId, CancellationToken cancellationToken) => userKeys.ForAsync(userId, cancellationToken);

    /// <summary>The user's pending change as the pages show it, or null (an expired or used-up one is discarded here).</summary>
    public async Task<PendingEmailChange?> GetAsync(string userId, CancellationToken cancellationToken)
    {
        var userKey = await KeyForAsync(userId, cancellationToken);
        var row = await _store.LoadAsync(userKey, cancellationToken);
        if (row is null)
        {
            return null;
        }

        if (IsExpired(row) || IsUsedUp(row))
        {
            await _store.DiscardAsync(userKey, cancellationToken);
            return null;
        }

        return new PendingEmailChange(row.NewEmail, DateTimeOffset.FromUnixTimeMilliseconds(row.ExpiresAtMs), Settings.MaxAttempts - row.Attempts);
    }

    public Task<PendingEmailChangeRow?> LoadAsync(string userKey, CancellationToken cancellationToken) => _store.LoadAsync(userKey, cancellationToken);

    public bool IsExpired(PendingEmailChangeRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return NowMs >= row.ExpiresAtMs;
    }

    public bool IsUsedUp(PendingEmailChangeRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.Attempts >= Settings.MaxAttempts;
    }

    /// <summary>How many tries are left after <paramref name="attempts"/>.</summary>
    public int AttemptsLeft(int attempts) => Settings.MaxAttempts - attempts;

    /// <summary>Replaces any pending change with one for <paramref name="address"/>; returns its new code and lifetime.</summary>
    public async Task<(string Code, TimeSpan Lifetime)> StartAsync(string userKey, string address, CancellationToken cancellationToken)
    {
        var code = EmailCodeHasher.NewCode(Settings.CodeLength);
        var lifetime = TimeSpan.FromMinutes(Settings.CodeLifetimeMinutes);
        var now = NowMs;
        await _store.ReplaceAsync(new PendingEmailChangeRow
        {
            UserKey = userKey,
            NewEmail = address,
            CodeHash = await codes.HashAsync(userKey, address, code, cancellationToken),
            CreatedAtMs = now,
            ExpiresAtMs = now + (long)lifetime.TotalMilliseconds,
        }, cancellationToken);
        return (code, lifetime);
    }

    /// <summary>Uses up one attempt before the code is compared; the attempts now recorded, or null when none is left.</summary>
    public Task<int?> ReserveAttemptAsync(PendingEmailChangeRow row, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        return _store.ReserveAttemptAsync(row.UserKey, row.CodeHash, Settings.MaxAttempts, NowMs, cancellationToken);
    }

    /// <summary>Whether <paramref name="typed"/> is the change's code (spaces and dashes the user added are ignored).</summary>
    public async Task<bool> MatchesAsync(PendingEmailChangeRow row, string? typed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        var entered = new string((typed ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());
        return entered.Length == Settings.CodeLength && entered.All(char.IsAsciiDigit)
            && await codes.MatchesAsync(row.UserKey, row.NewEmail, entered, row.CodeHash, cancellationToken);
    }

    /// <summary>Takes the change out for applying it, so that two submissions of the same code cannot both apply it.</summary>
    public Task<bool> ClaimAsync(PendingEmailChangeRow row, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        return _store.ClaimAsync(row.UserKey, row.CodeHash, NowMs, cancellationToken);
    }

    public Task RestoreAsync(PendingEmailChangeRow row, CancellationToken cancellationToken) => _store.RestoreAsync(row, cancellationToken);

    public Task<int> DiscardAsync(string userKey, CancellationToken cancellationToken) => _store.DiscardAsync(userKey, cancellationToken);
}
