using Profiles.Core.Profiles;

namespace Profiles.Core.Password;

/// <summary>Which of the user's identities holds the password.</summary>
public static class PasswordIdentity
{
    private const string DatabaseProvider = "auth0";

    /// <summary>The user's database identity (primary or linked), if any.</summary>
    public static LinkedIdentity? Of(UserProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return profile.Identities.FirstOrDefault(i => string.Equals(i.Provider, DatabaseProvider, StringComparison.OrdinalIgnoreCase));
    }
}
