using Profiles.Core.Management.Models;

namespace Profiles.Core.Management;

/// <summary>Management API <c>/jobs</c> operations.</summary>
public interface IJobsClient
{
    /// <summary><c>POST /jobs/verification-email</c>. Sends an email, so it is retried only on 429 (not processed).</summary>
    Task<Job> SendVerificationEmailAsync(string userId, JobIdentity? identity = null, string? clientId = null, CancellationToken cancellationToken = default);
}
