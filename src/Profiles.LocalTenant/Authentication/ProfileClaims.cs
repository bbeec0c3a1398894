using System.Globalization;
using Profiles.LocalTenant.Data;

namespace Profiles.LocalTenant.Authentication;

/// <summary>The user's claims that a scope allows, as Auth0 puts them in ID tokens and <c>/userinfo</c>.</summary>
public static class ProfileClaims
{
    public static Dictionary<string, object> For(TenantUser user, string scope)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(scope);
        var scopes = scope.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var claims = new Dictionary<string, object>(StringComparer.Ordinal);
        void Add(string name, object? value)
        {
            if (value is not null)
            {
                claims[name] = value;
            }
        }

        if (scopes.Contains("profile", StringComparer.Ordinal))
        {
            Add("given_name", user.GivenName);
            Add("family_name", user.FamilyName);
            Add("nickname", user.Nickname);
            Add("name", user.Name);
            Add("picture", user.Picture);
            Add("updated_at", user.UpdatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        }

        if (scopes.Contains("email", StringComparer.Ordinal) && user.Email is not null)
        {
            Add("email", user.Email);
            Add("email_verified", user.EmailVerified);
        }

        return claims;
    }
}
