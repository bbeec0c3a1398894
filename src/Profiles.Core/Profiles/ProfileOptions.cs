namespace Profiles.Core.Profiles;

/// <summary>Profile editing rules, section <c>Profiles:Profile</c>.</summary>
public sealed class ProfileOptions
{
    public const string SectionName = "Profiles:Profile";

    /// <summary>Social or enterprise connections whose users may edit name, nickname, given/family name and picture.
    /// List only connections whose "Sync user profile attributes at each login" is off (API:
    /// <c>options.set_user_root_attributes = "on_first_login"</c>); otherwise Auth0 rejects the edit, and the provider
    /// would overwrite it at the next login anyway. Database and passwordless users can always edit.</summary>
    public List<string> EditableSocialConnections { get; set; } = [];
}
