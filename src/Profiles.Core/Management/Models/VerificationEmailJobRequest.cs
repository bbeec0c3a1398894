namespace Profiles.Core.Management.Models;

/// <summary>Body of <c>POST /jobs/verification-email</c>.</summary>
public sealed class VerificationEmailJobRequest
{
    public string UserId { get; set; } = "";

    public string? ClientId { get; set; }

    public JobIdentity? Identity { get; set; }
}
