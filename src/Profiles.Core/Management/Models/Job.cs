namespace Profiles.Core.Management.Models;

/// <summary>A Management API job, e.g. <c>{"type":"verification_email","status":"pending","id":"job_…"}</c>.</summary>
public sealed class Job
{
    public string Id { get; set; } = "";

    public string? Type { get; set; }

    public string? Status { get; set; }

    public DateTimeOffset? CreatedAt { get; set; }
}
