using System.Net;
using Microsoft.Extensions.Options;

namespace Profiles.Web.Deployment;

/// <summary>Start-up checks of <c>Profiles:ForwardedHeaders</c>: an address or network that does not parse would otherwise be
/// dropped silently, and the portal would ignore its proxy.</summary>
public sealed class PortalForwardedHeadersOptionsValidator : IValidateOptions<PortalForwardedHeadersOptions>
{
    public ValidateOptionsResult Validate(string? name, PortalForwardedHeadersOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        failures.AddRange(options.KnownProxies.Where(p => !IPAddress.TryParse(p, out _))
            .Select(p => $"Profiles:ForwardedHeaders:KnownProxies: '{p}' is not an IP address."));
        failures.AddRange(options.KnownNetworks.Where(n => !IPNetwork.TryParse(n, out _))
            .Select(n => $"Profiles:ForwardedHeaders:KnownNetworks: '{n}' is not a network in CIDR notation (e.g. 10.0.0.0/8)."));
        if (options.ForwardLimit < 1)
        {
            failures.Add("Profiles:ForwardedHeaders:ForwardLimit must be at least 1.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
