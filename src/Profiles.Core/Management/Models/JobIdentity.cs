namespace Profiles.Core.Management.Models;

/// <summary>Selects the identity a verification email is for (needed for social, enterprise and secondary identities).</summary>
public sealed record JobIdentity(string UserId, string Provider);
