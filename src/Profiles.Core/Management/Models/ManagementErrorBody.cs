namespace Profiles.Core.Management.Models;

/// <summary>Auth0's <c>{statusCode,error,message,errorCode}</c> error body.</summary>
internal sealed class ManagementErrorBody
{
    public int? StatusCode { get; set; }

    public string? Error { get; set; }

    public string? Message { get; set; }

    public string? ErrorCode { get; set; }
}
