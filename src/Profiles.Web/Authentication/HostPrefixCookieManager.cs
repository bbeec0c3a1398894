using Microsoft.AspNetCore.Authentication.Cookies;

namespace Profiles.Web.Authentication;

/// <summary>
/// Names the session cookie <c>__Host-{name}</c> on HTTPS requests (the prefix pins it to this host, path <c>/</c>, Secure)
/// and plain <c>{name}</c> over http in Development, where browsers would refuse a <c>__Host-</c> cookie.
/// </summary>
public sealed class HostPrefixCookieManager : ICookieManager
{
    private const string HostPrefix = "__Host-";

    private readonly ChunkingCookieManager _inner = new();

    public string? GetRequestCookie(HttpContext context, string key) => _inner.GetRequestCookie(context, Name(context, key));

    public void AppendResponseCookie(HttpContext context, string key, string? value, CookieOptions options)
    {
        options.Path = "/";
        options.Domain = null;
        _inner.AppendResponseCookie(context, Name(context, key), value, options);
    }

    public void DeleteCookie(HttpContext context, string key, CookieOptions options)
    {
        options.Path = "/";
        options.Domain = null;
        _inner.DeleteCookie(context, Name(context, key), options);
    }

    /// <summary>The cookie name used for <paramref name="key"/> on this request.</summary>
    public static string Name(HttpContext context, string key) => context.Request.IsHttps ? HostPrefix + key : key;
}
