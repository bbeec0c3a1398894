using Microsoft.Extensions.Localization;
using Profiles.Core.SignInMethods;

namespace Profiles.Web.Localization;

/// <summary>What users see instead of an Auth0 connection name ("Username-Password-Authentication" reads as "Email and
/// password"): the connection's own resource, else its provider's (every database connection is provider <c>auth0</c>), else
/// the name itself, which for a social connection is the provider's recognisable name.</summary>
public static class ConnectionDisplayName
{
    /// <summary>A linkable connection: the portal's words for it in the user's language when it has them (the built-in
    /// connections), else the operator's label (one language, their choice), else the name.</summary>
    public static string For(IStringLocalizer localizer, LinkingOptions linking, string connection)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        ArgumentNullException.ThrowIfNull(linking);
        var own = localizer["Provider." + connection];
        return own.ResourceNotFound ? linking.Find(connection)?.Label ?? connection : own.Value;
    }

    public static string For(IStringLocalizer localizer, string connection, string? provider = null)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        var own = localizer["Provider." + connection];
        if (!own.ResourceNotFound)
        {
            return own.Value;
        }

        if (!string.IsNullOrEmpty(provider))
        {
            var byProvider = localizer["Provider." + provider];
            if (!byProvider.ResourceNotFound)
            {
                return byProvider.Value;
            }
        }

        return connection;
    }
}
