namespace Profiles.Core.Management.Models;

/// <summary>An application's id and name (<c>GET /clients/{id}?fields=client_id,name</c>).</summary>
public sealed class ClientSummary
{
    public string ClientId { get; set; } = "";

    public string? Name { get; set; }
}
