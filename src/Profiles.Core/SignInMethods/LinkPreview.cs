namespace Profiles.Core.SignInMethods;

/// <summary>What the user is about to link: shown before they confirm.</summary>
/// <param name="ConnectionLabel">The operator's display name of the connection.</param>
/// <param name="DiscardedMetadataKeys">How many top-level <c>user_metadata</c> and <c>app_metadata</c> keys the second account
/// has: Auth0 discards them when it is linked.</param>
public sealed record LinkPreview(string Provider, string Connection, string ConnectionLabel, string? Email, bool EmailVerified, int DiscardedMetadataKeys);
