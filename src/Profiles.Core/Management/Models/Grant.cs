using System.Text.Json.Serialization;

namespace Profiles.Core.Management.Models;

/// <summary>An application's consent grant for the user.</summary>
public sealed class Grant
{
    public string Id { get; set; } = "";

    public string? UserId { get; set; }

    public string? Audience { get; set; }

    /// <summary>Auth0 spells this key <c>clientID</c>.</summary>
    [JsonPropertyName("clientID")]
    public string? ClientId { get; set; }

    public List<string> Scope { get; set; } = [];
}
