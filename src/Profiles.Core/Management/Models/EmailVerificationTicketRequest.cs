using System.Text.Json.Serialization;

namespace Profiles.Core.Management.Models;

/// <summary>Body of <c>POST /tickets/email-verification</c>.</summary>
public sealed class EmailVerificationTicketRequest
{
    public string UserId { get; set; } = "";

    public string? ResultUrl { get; set; }

    public string? ClientId { get; set; }

    public int? TtlSec { get; set; }

    [JsonPropertyName("includeEmailInRedirect")]
    public bool? IncludeEmailInRedirect { get; set; }

    public JobIdentity? Identity { get; set; }
}
