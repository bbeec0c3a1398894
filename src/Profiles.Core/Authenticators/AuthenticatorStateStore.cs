using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.DataProtection;
using Profiles.Core.Caching;

namespace Profiles.Core.Authenticators;

/// <summary>
/// What the authenticators journey keeps between requests, in the portal's shared cache so any instance can read it: the
/// user's My Account token and the enrolment in progress (both encrypted with the portal's data protection keys, which every
/// instance shares; never in a cookie or the page), and how long the My Account API asked this user to wait. Keys are hashes:
/// no user id appears in Redis.
/// </summary>
public sealed class AuthenticatorStateStore(PortalCache cache, IDataProtectionProvider dataProtection, TimeProvider timeProvider)
{
    /// <summary>How long the overview's count is trusted: changes made elsewhere (Auth0's own pages) show within this time.</summary>
    private static readonly TimeSpan CountLifetime = TimeSpan.FromMinutes(10);

    /// <summary>How long a refused My Account token keeps the page on the Management API before it asks again.</summary>
    private static readonly TimeSpan RefusedLifetime = TimeSpan.FromHours(1);

    private const string UnknownCount = "unknown";

    private readonly IDataProtector _protector = dataProtection.CreateProtector("Profiles.Authenticators.State.v1");

    public async Task<MyAccountToken?> FindTokenAsync(AuthenticatorViewer viewer, CancellationToken cancellationToken)
    {
        var token = await FindAsync(Key("token", viewer), AuthenticatorsJsonContext.Default.MyAccountToken, cancellationToken);
        return token is not null && token.IsUsable(timeProvider.GetUtcNow()) ? token : null;
    }

    public Task SaveTokenAsync(AuthenticatorViewer viewer, MyAccountToken token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        return SaveAsync(Key("token", viewer), token, AuthenticatorsJsonContext.Default.MyAccountToken, token.ExpiresAt, cancellationToken);
    }

    public async Task ForgetTokenAsync(AuthenticatorViewer viewer, CancellationToken cancellationToken) =>
        await cache.RemoveAsync(Key("token", viewer), cancellationToken);

    public async Task<PendingEnrollment?> FindEnrollmentAsync(AuthenticatorViewer viewer, CancellationToken cancellationToken)
    {
        var pending = await FindAsync(Key("enrollment", viewer), AuthenticatorsJsonContext.Default.PendingEnrollment, cancellationToken);
        return pending is not null && pending.ExpiresAt > timeProvider.GetUtcNow() ? pending : null;
    }

    public Task SaveEnrollmentAsync(AuthenticatorViewer viewer, PendingEnrollment pending, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pending);
        return SaveAsync(Key("enrollment", viewer), pending, AuthenticatorsJsonContext.Default.PendingEnrollment, pending.ExpiresAt, cancellationToken);
    }

    public async Task ForgetEnrollmentAsync(AuthenticatorViewer viewer, CancellationToken cancellationToken) =>
        await cache.RemoveAsync(Key("enrollment", viewer), cancellationToken);

    /// <summary>Whether the tenant refused this sign-in a My Account token within the last hour.</summary>
    public async Task<bool> IsMyAccountRefusedAsync(AuthenticatorViewer viewer, CancellationToken cancellationToken) =>
        !string.IsNullOrEmpty(await cache.FindAsync<string>(Key("refused", viewer), cancellationToken));

    public async Task MarkMyAccountRefusedAsync(AuthenticatorViewer viewer, CancellationToken cancellationToken) =>
        await cache.SetAsync(Key("refused", viewer), "1", RefusedLifetime, cancellationToken);

    /// <summary>The overview's remembered count: null when none is remembered; a known count, or
    /// <see cref="SecondFactorCount.Unknown"/> when Auth0 would not say (kept too, so a missing scope or an outage costs one
    /// Management call per <see cref="CountLifetime"/>, not one per page view).</summary>
    public async Task<SecondFactorCount?> FindCountAsync(string userId, CancellationToken cancellationToken) =>
        await cache.FindAsync<string>(Key("count", new AuthenticatorViewer(userId, null)), cancellationToken) switch
        {
            null => null,
            UnknownCount => SecondFactorCount.Unknown,
            var text when int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count) => new SecondFactorCount(count),
            _ => null,
        };

    public async Task SaveCountAsync(string userId, int? count, CancellationToken cancellationToken) =>
        await cache.SetAsync(Key("count", new AuthenticatorViewer(userId, null)),
            count?.ToString(CultureInfo.InvariantCulture) ?? UnknownCount, CountLifetime, cancellationToken);

    public async Task ForgetCountAsync(string userId, CancellationToken cancellationToken) =>
        await cache.RemoveAsync(Key("count", new AuthenticatorViewer(userId, null)), cancellationToken);

    /// <summary>How long until the My Account API takes this user's calls again; null when it does now. Its limits are per
    /// user, so one instance's 429 holds back every instance.</summary>
    public async Task<TimeSpan?> WaitAsync(string userId, CancellationToken cancellationToken)
    {
        var until = await cache.FindAsync<string>(Key("wait", new AuthenticatorViewer(userId, null)), cancellationToken);
        if (!long.TryParse(until, NumberStyles.Integer, CultureInfo.InvariantCulture, out var unixMs))
        {
            return null;
        }

        var left = DateTimeOffset.FromUnixTimeMilliseconds(unixMs) - timeProvider.GetUtcNow();
        return left > TimeSpan.Zero ? left : null;
    }

    public async Task HoldBackAsync(string userId, TimeSpan wait, CancellationToken cancellationToken)
    {
        var until = timeProvider.GetUtcNow() + wait;
        await cache.SetAsync(Key("wait", new AuthenticatorViewer(userId, null)), until.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
            wait, cancellationToken);
    }

    private async Task<T?> FindAsync<T>(string key, JsonTypeInfo<T> type, CancellationToken cancellationToken)
        where T : class
    {
        var stored = await cache.FindAsync<string>(key, cancellationToken);
        if (string.IsNullOrEmpty(stored))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(_protector.Unprotect(stored), type);
        }
        catch (CryptographicException)
        {
            // Written under a key ring this instance no longer has: as good as absent.
            return null;
        }
    }

    private async Task SaveAsync<T>(string key, T value, JsonTypeInfo<T> type, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        var lifetime = expiresAt - timeProvider.GetUtcNow();
        if (lifetime <= TimeSpan.Zero)
        {
            await cache.RemoveAsync(key, cancellationToken);
            return;
        }

        await cache.SetAsync(key, _protector.Protect(JsonSerializer.Serialize(value, type)), lifetime, cancellationToken);
    }

    private static string Key(string kind, AuthenticatorViewer viewer)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(viewer.UserId + "\n" + viewer.SessionId));
        return "authenticators:" + kind + ":" + Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }
}
