using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Profiles.Core.Management.Models;

/// <summary>One entry of a user's <c>identities</c>. Identity-provider tokens are deliberately not modelled, so they can
/// never reach a page or a log.</summary>
public sealed class Auth0Identity
{
    public string? Connection { get; set; }

    /// <summary>The id inside the provider, without the <c>provider|</c> prefix; may arrive as a JSON number.</summary>
    [JsonConverter(typeof(StringOrNumberConverter))]
    public string? UserId { get; set; }

    public string? Provider { get; set; }

    [JsonPropertyName("isSocial")]
    public bool IsSocial { get; set; }

    /// <summary>The linked (secondary) account's attributes.</summary>
    [JsonPropertyName("profileData")]
    public JsonObject? ProfileData { get; set; }
}
