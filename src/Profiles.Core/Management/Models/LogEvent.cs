using System.Text.Json.Serialization;

namespace Profiles.Core.Management.Models;

/// <summary>One Auth0 log event about the user (<c>GET /users/{id}/logs</c>); <see cref="Type"/> is Auth0's event type code.</summary>
public sealed class LogEvent
{
    public string? LogId { get; set; }

    [JsonConverter(typeof(LenientDateConverter))]
    public DateTimeOffset? Date { get; set; }

    public string Type { get; set; } = "";

    public string? Description { get; set; }

    public string? ClientId { get; set; }

    public string? ClientName { get; set; }

    public string? Connection { get; set; }

    public string? Ip { get; set; }

    public string? UserAgent { get; set; }
}
