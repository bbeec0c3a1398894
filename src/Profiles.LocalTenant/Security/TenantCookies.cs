namespace Profiles.LocalTenant.Security;

/// <summary>The tenant's own cookies (session, remembered browser): HTTP only, same-site lax, whole site, secure over HTTPS.</summary>
public static class TenantCookies
{
    public static void Append(HttpContext context, string name, string value, DateTimeOffset expires)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Cookies.Append(name, value, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Path = "/",
            Secure = context.Request.IsHttps,
            Expires = expires,
            IsEssential = true,
        });
    }
}
