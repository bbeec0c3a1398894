using System.Text.Json.Serialization;

namespace Profiles.Core.Management.Models;

/// <summary>One refresh token of the user (its id, never the token itself).</summary>
public sealed class RefreshToken
{
    public string Id { get; set; } = "";

    public string? UserId { get; set; }

    public string? ClientId { get; set; }

    public string? SessionId { get; set; }

    [JsonConverter(typeof(LenientDateConverter))]
    public DateTimeOffset? CreatedAt { get; set; }

    [JsonConverter(typeof(LenientDateConverter))]
    public DateTimeOffset? LastExchangedAt { get; set; }

    public RefreshTokenDevice? Device { get; set; }

    public List<RefreshTokenResourceServer> ResourceServers { get; set; } = [];
}
