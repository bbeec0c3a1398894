namespace Profiles.Core.Profiles;

/// <summary>One sign-in method of the user, without any token.</summary>
public sealed record LinkedIdentity(string Provider, string Connection, string UserId, bool IsSocial, bool IsPrimary, string? Email);
