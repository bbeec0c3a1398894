namespace Profiles.Core.Management.Models;

/// <summary>The wrapper <c>GET /me/v1/authentication-methods</c> answers with.</summary>
public sealed class MyAccountMethodList
{
    public List<MyAccountAuthenticationMethod> AuthenticationMethods { get; set; } = [];
}
