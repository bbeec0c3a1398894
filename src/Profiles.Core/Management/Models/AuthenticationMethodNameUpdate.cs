namespace Profiles.Core.Management.Models;

/// <summary>Body of <c>PATCH /users/{id}/authentication-methods/{method}</c> (the only field the portal changes: the nickname).</summary>
public sealed record AuthenticationMethodNameUpdate(string Name);
