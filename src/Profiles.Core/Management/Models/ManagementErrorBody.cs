using System.Text.Json.Serialization;

namespace Profiles.Core.Management.Models;

/// <summary>Auth0's <c>{statusCode,error,message,errorCode}</c> error body.</summary>
internal sealed class ManagementErrorBody
{
    [JsonPropertyName("statusCode")]
    public int? StatusCode { get; set; }

    public string? Error { get; set; }

    public string? Message { get; set; }

    [JsonPropertyName("errorCode")]
    public string? ErrorCode { get; set; }
}
