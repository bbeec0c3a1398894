using Microsoft.Extensions.Options;

namespace Profiles.Core.SignInMethods;

/// <summary>Defaults applied after binding: configuration binding appends to lists, so defaults cannot live in the
/// initializer without being duplicated.</summary>
public sealed class LinkingOptionsSetup : IPostConfigureOptions<LinkingOptions>
{
    public void PostConfigure(string? name, LinkingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Connections.Count > 0)
        {
            return;
        }

        options.Connections.Add(new LinkableConnection { Name = "google-oauth2", DisplayName = "Google" });
        options.Connections.Add(new LinkableConnection { Name = "github", DisplayName = "GitHub" });
        options.Connections.Add(new LinkableConnection { Name = "Username-Password-Authentication", DisplayName = "Email and password" });
    }
}
