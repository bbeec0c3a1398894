using Profiles.LocalTenant.MyAccount;
using Profiles.LocalTenant.Security;

namespace Profiles.LocalTenant.Authentication;

/// <summary>The APIs a user flow can ask an access token for with <c>audience</c>: the My Account API while it is activated
/// (and <c>/userinfo</c>, the default). An unknown audience is Auth0's "Service not found".</summary>
public sealed class Audiences(TenantUrls urls, MyAccountFeature myAccount)
{
    private static readonly string[] OidcScopes = ["openid", "profile", "email", "offline_access"];

    public string UserInfo => urls.Issuer + "userinfo";

    public bool IsServed(string audience)
        => audience == UserInfo || (audience == urls.MyAccountAudience && myAccount.Activated);

    /// <summary>The audience to record: null for the default <c>/userinfo</c>.</summary>
    public string? Normalise(string? audience) => audience is null || audience == UserInfo ? null : audience;

    /// <summary>The scopes a user token for <paramref name="audience"/> carries: OIDC scopes and the API's own scopes the client grant
    /// allows; others are dropped, as Auth0 drops scopes an API does not define.</summary>
    public string GrantedScope(string? audience, string requested)
    {
        ArgumentNullException.ThrowIfNull(requested);
        if (audience is null)
        {
            return requested;
        }

        var allowed = audience == urls.MyAccountAudience ? MyAccountScopes.All : [];
        return string.Join(' ', requested.Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal)
            .Where(s => OidcScopes.Contains(s, StringComparer.Ordinal) || allowed.Contains(s, StringComparer.Ordinal)));
    }
}
