using Microsoft.Extensions.Options;

namespace Profiles.Core.Settings;

/// <summary>Fills empty Management API settings from the <c>Auth0</c> section, so one application can serve both roles.</summary>
internal sealed class ManagementApiOptionsSetup(IOptions<Auth0Options> auth0) : IPostConfigureOptions<ManagementApiOptions>
{
    public void PostConfigure(string? name, ManagementApiOptions options)
    {
        var source = auth0.Value;
        if (string.IsNullOrWhiteSpace(options.ClientId))
        {
            options.ClientId = source.ClientId;
        }

        if (string.IsNullOrWhiteSpace(options.ClientSecret))
        {
            options.ClientSecret = source.ClientSecret;
        }

        if (string.IsNullOrWhiteSpace(options.Audience) && source.Authority.Length > 0)
        {
            options.Audience = source.Authority + "/api/v2/";
        }
    }
}
