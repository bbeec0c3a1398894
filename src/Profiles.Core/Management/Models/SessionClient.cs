namespace Profiles.Core.Management.Models;

/// <summary>An application that used a session.</summary>
public sealed class SessionClient
{
    public string ClientId { get; set; } = "";
}
