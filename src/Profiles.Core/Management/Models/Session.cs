using System.Text.Json.Serialization;

namespace Profiles.Core.Management.Models;

/// <summary>One Auth0 session of the user.</summary>
public sealed class Session
{
    public string Id { get; set; } = "";

    public string? UserId { get; set; }

    [JsonConverter(typeof(LenientDateConverter))]
    public DateTimeOffset? CreatedAt { get; set; }

    [JsonConverter(typeof(LenientDateConverter))]
    public DateTimeOffset? UpdatedAt { get; set; }

    [JsonConverter(typeof(LenientDateConverter))]
    public DateTimeOffset? AuthenticatedAt { get; set; }

    [JsonConverter(typeof(LenientDateConverter))]
    public DateTimeOffset? IdleExpiresAt { get; set; }

    [JsonConverter(typeof(LenientDateConverter))]
    public DateTimeOffset? ExpiresAt { get; set; }

    [JsonConverter(typeof(LenientDateConverter))]
    public DateTimeOffset? LastInteractedAt { get; set; }

    public SessionDevice? Device { get; set; }

    public List<SessionClient> Clients { get; set; } = [];

    public SessionAuthentication? Authentication { get; set; }
}
