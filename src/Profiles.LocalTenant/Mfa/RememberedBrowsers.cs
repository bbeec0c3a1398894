using Profiles.LocalTenant.Data;

namespace Profiles.LocalTenant.Mfa;

/// <summary>"Remember this browser": after a second factor the browser gets a cookie that skips the challenge for that user for
/// 30 days; the Management API's <c>invalidate-remember-browser</c> forgets every browser of a user.</summary>
public sealed class RememberedBrowsers(TenantStore store, TimeProvider time)
{
    public const string CookieName = "lt_mfa_rb";
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(30);

    public bool IsRemembered(HttpContext context, string userId)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Request.Cookies.TryGetValue(CookieName, out var token) || string.IsNullOrEmpty(token))
        {
            return false;
        }

        var now = time.GetUtcNow();
        return store.Read(d => d.Find<TenantRememberedBrowser>(TenantIds.Hash(token)) is { } b && b.UserId == userId && b.ExpiresAt > now);
    }

    public void Remember(HttpContext context, string userId)
    {
        ArgumentNullException.ThrowIfNull(context);
        var token = TenantIds.Token(32);
        var expires = time.GetUtcNow() + Lifetime;
        store.Write(w => w.Save(new TenantRememberedBrowser { TokenHash = TenantIds.Hash(token), UserId = userId, ExpiresAt = expires }));
        Security.TenantCookies.Append(context, CookieName, token, expires);
    }

    /// <summary>Forgets every remembered browser of <paramref name="userId"/>.</summary>
    public static void Forget(TenantWriter writer, string userId)
    {
        ArgumentNullException.ThrowIfNull(writer);
        foreach (var browser in writer.All<TenantRememberedBrowser>().Where(b => b.UserId == userId).ToList())
        {
            writer.Remove<TenantRememberedBrowser>(browser.Key);
        }
    }
}
