namespace Profiles.Web.Deployment;

/// <summary>The reverse proxies whose <c>X-Forwarded-*</c> headers the portal believes, section
/// <c>Profiles:ForwardedHeaders</c>. Loopback is always trusted; any other proxy must be listed, or its headers are ignored
/// (a client could otherwise choose the scheme, host and address the portal sees).</summary>
public sealed class PortalForwardedHeadersOptions
{
    public const string SectionName = "Profiles:ForwardedHeaders";

    /// <summary>Addresses of trusted proxies, e.g. <c>10.0.0.5</c>.</summary>
    public IList<string> KnownProxies { get; } = [];

    /// <summary>Networks of trusted proxies in CIDR notation, e.g. <c>10.0.0.0/8</c> (a container network).</summary>
    public IList<string> KnownNetworks { get; } = [];

    /// <summary>How many proxies in front of the portal may each add a forwarded entry (1: one proxy).</summary>
    public int ForwardLimit { get; set; } = 1;
}
