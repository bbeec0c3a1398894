namespace Profiles.Core.Management.Models;

/// <summary>Body of <c>POST /users/{id}/identities</c> (server-side form with an M2M token).</summary>
internal sealed class LinkAccountRequest
{
    public string Provider { get; set; } = "";

    public string UserId { get; set; } = "";

    public string? ConnectionId { get; set; }
}
