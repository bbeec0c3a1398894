namespace Profiles.Core.Management.Models;

/// <summary>How a session was authenticated.</summary>
public sealed class SessionAuthentication
{
    public List<SessionAuthenticationMethod> Methods { get; set; } = [];
}
