namespace Profiles.Core.Password;

/// <summary>What the password page needs to know about the user's password.</summary>
/// <param name="HasDatabaseIdentity">False for users who sign in only with social or enterprise providers.</param>
/// <param name="ResetLinkWait">How long until another reset link may be sent (zero when it may).</param>
/// <param name="ResetEmail">The address a reset link goes to: the database identity's own email.</param>
/// <param name="SignInProviders">The connections the user signs in with, for the explanation when there is no password.</param>
public sealed record PasswordAccount(bool HasDatabaseIdentity, TimeSpan ResetLinkWait, string? ResetEmail, IReadOnlyList<string> SignInProviders);
