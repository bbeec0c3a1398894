using System.Text.Json.Serialization;

namespace Profiles.Core.Management.Models;

/// <summary>Body of <c>POST /tickets/password-change</c>. Auth0 does not check who asks: confirm the user first.</summary>
public sealed class PasswordChangeTicketRequest
{
    public string? UserId { get; set; }

    public string? ResultUrl { get; set; }

    public string? ClientId { get; set; }

    /// <summary>Lifetime in seconds; null or 0 means Auth0's default of five days.</summary>
    public int? TtlSec { get; set; }

    public bool? MarkEmailAsVerified { get; set; }

    [JsonPropertyName("includeEmailInRedirect")]
    public bool? IncludeEmailInRedirect { get; set; }
}
