using System.Net;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Profiles.Web.Deployment;

/// <summary>Forwarded headers from trusted proxies only: behind a TLS-terminating proxy the forwarded scheme makes the request
/// https again (secure and <c>__Host-</c> cookies, HSTS); from anyone else the headers are ignored. The host users reach the
/// portal on is pinned too: an unset <c>AllowedHosts</c> becomes the public origin's host.</summary>
public static class PortalForwardedHeaders
{
    public static IServiceCollection AddPortalForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PortalForwardedHeadersOptions>()
            .Bind(configuration.GetSection(PortalForwardedHeadersOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<PortalForwardedHeadersOptions>, PortalForwardedHeadersOptionsValidator>();
        services.AddSingleton<IPostConfigureOptions<HostFilteringOptions>, AllowedHostsFromPublicOrigin>();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<PortalForwardedHeadersOptions>>((options, portal) =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            options.ForwardLimit = portal.Value.ForwardLimit;
            // The framework's defaults (loopback) stay: a proxy on the same machine is trusted as before.
            foreach (var proxy in portal.Value.KnownProxies)
            {
                if (IPAddress.TryParse(proxy, out var address))
                {
                    options.KnownProxies.Add(address);
                }
            }

            foreach (var network in portal.Value.KnownNetworks)
            {
                if (System.Net.IPNetwork.TryParse(network, out var parsed))
                {
                    options.KnownIPNetworks.Add(parsed);
                }
            }
        });
        return services;
    }
}
