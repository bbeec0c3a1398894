using Microsoft.AspNetCore.HostFiltering;
using Microsoft.Extensions.Options;
using Profiles.Web.Authentication;
using Profiles.Web.Hosting;

namespace Profiles.Web.Deployment;

/// <summary>Outside Development and Testing, an unset <c>AllowedHosts</c> means the host of <c>Profiles:PublicOrigin</c> only
/// (the framework would otherwise allow any host), so an operator sets the public address once.</summary>
public sealed class AllowedHostsFromPublicOrigin(IConfiguration configuration, IHostEnvironment environment) : IPostConfigureOptions<HostFilteringOptions>
{
    public void PostConfigure(string? name, HostFilteringOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (Auth0WebAppAuthenticationExtensions.IsLocal(environment) || configuration["AllowedHosts"] is not null ||
            configuration[$"{PublicOriginOptions.SectionName}:{nameof(PublicOriginOptions.PublicOrigin)}"] is not { } configured ||
            PublicOriginOptionsValidator.ParseOrigin(configured) is not { } origin)
        {
            return;
        }

        options.AllowedHosts = [origin.IdnHost];
    }
}
