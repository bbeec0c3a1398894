using System.Text.Json.Serialization;

namespace Profiles.Core.Management.Models;

/// <summary>A ticket URL the user opens to finish the action.</summary>
public sealed class Ticket
{
    [JsonPropertyName("ticket")]
    public string TicketUrl { get; set; } = "";
}
