namespace Profiles.Core.Profiles;

/// <summary>Which success a profile or preferences save was, when it was not a plain save.</summary>
public static class ProfileSuccessCodes
{
    /// <summary>Nothing had changed, so nothing was sent.</summary>
    public const string NothingChanged = "NothingChanged";
}
