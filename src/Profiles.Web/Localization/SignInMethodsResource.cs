namespace Profiles.Web.Localization;

/// <summary>Marker for the sign-in methods (linking) texts (Resources/Localization/SignInMethodsResource.*.resx).</summary>
public sealed class SignInMethodsResource;
