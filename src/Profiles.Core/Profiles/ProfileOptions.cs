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

    /// <summary>Whether a <c>data:image/…;base64</c> picture (typed here or set in Auth0 by another application) is shown and
    /// accepted. Off by default: only <c>https:</c> pictures are (see <see cref="PictureUrl"/>).</summary>
    public bool AllowDataImagePictures { get; set; }
}
