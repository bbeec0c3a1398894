namespace Profiles.Web.Hosting;

/// <summary>Builds every absolute URL the portal sends out (OIDC callbacks, the sign-out return address, links in emails)
/// from the configured public origin, never from the request's Host header.</summary>
public interface IPublicUrls
{
    /// <summary>The portal's public origin, e.g. <c>https://account.example.com</c> (no trailing slash).</summary>
    string Origin { get; }

    /// <summary>The absolute URL of <paramref name="pathAndQuery"/> (which starts with <c>/</c>, path base included) on the public origin.</summary>
    Uri For(string pathAndQuery);
}
