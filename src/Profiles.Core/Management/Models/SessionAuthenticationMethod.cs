namespace Profiles.Core.Management.Models;

/// <summary>One way the user proved who they are in a session (e.g. <c>pwd</c>, <c>federated</c>, <c>mfa</c>).</summary>
public sealed class SessionAuthenticationMethod
{
    public string? Name { get; set; }

    public DateTimeOffset? Timestamp { get; set; }

    public string? Type { get; set; }
}
