namespace Profiles.Core.Profiles;

/// <summary>Checks and normalises root profile fields (trimmed; empty means cleared). Error keys are the
/// <see cref="ProfileEdit"/> property names.</summary>
public static class ProfileEditValidator
{
    /// <summary>Auth0's documented limit for <c>name</c> (the OpenAPI document allows 300; the stricter one is kept).</summary>
    public const int MaxNameLength = 150;

    public const int MaxNicknameLength = 300;

    public const int MaxGivenOrFamilyNameLength = 150;

    public const int MaxPictureLength = PictureUrl.MaxLength;

    /// <summary>The normalised edit, or the errors by field.</summary>
    public static (ProfileEdit Normalized, IReadOnlyDictionary<string, ProfileError> Errors) Validate(ProfileEdit edit) => Validate(edit, allowDataImages: false);

    /// <summary>As <see cref="Validate(ProfileEdit)"/>, with the operator's choice about <c>data:</c> image pictures.</summary>
    public static (ProfileEdit Normalized, IReadOnlyDictionary<string, ProfileError> Errors) Validate(ProfileEdit edit, bool allowDataImages)
    {
        ArgumentNullException.ThrowIfNull(edit);
        var normalized = new ProfileEdit(Clean(edit.Name), Clean(edit.Nickname), Clean(edit.GivenName), Clean(edit.FamilyName), Clean(edit.Picture));
        var errors = new Dictionary<string, ProfileError>(StringComparer.Ordinal);
        CheckLength(errors, nameof(ProfileEdit.Name), normalized.Name, MaxNameLength);
        CheckLength(errors, nameof(ProfileEdit.Nickname), normalized.Nickname, MaxNicknameLength);
        CheckLength(errors, nameof(ProfileEdit.GivenName), normalized.GivenName, MaxGivenOrFamilyNameLength);
        CheckLength(errors, nameof(ProfileEdit.FamilyName), normalized.FamilyName, MaxGivenOrFamilyNameLength);
        if (normalized.Picture is { } picture && !PictureUrl.IsAllowed(picture, allowDataImages))
        {
            errors[nameof(ProfileEdit.Picture)] = new ProfileError(ProfileErrorCodes.InvalidPicture);
        }

        return (normalized, errors);
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static void CheckLength(Dictionary<string, ProfileError> errors, string key, string? value, int max)
    {
        if (value is not null && value.Length > max)
        {
            errors[key] = new ProfileError(ProfileErrorCodes.TooLong, max);
        }
    }
}
