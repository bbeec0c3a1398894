using Profiles.Core.Management.Models;

namespace Profiles.Core.Management;

/// <summary>Typed client for <c>/jobs</c>.</summary>
public sealed class JobsClient(HttpClientSource http, TimeProvider timeProvider) : IJobsClient
{
    private readonly ManagementConnection _connection = new(http, timeProvider);

    public JobsClient(HttpClient httpClient, TimeProvider timeProvider)
        : this(new HttpClientSource(httpClient), timeProvider)
    {
    }

    public Task<Job> SendVerificationEmailAsync(string userId, JobIdentity? identity = null, string? clientId = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        var body = new VerificationEmailJobRequest { UserId = userId, Identity = identity, ClientId = clientId };
        var content = ManagementConnection.Json(body, ManagementJsonContext.Default.VerificationEmailJobRequest);
        return _connection.SendAsync(HttpMethod.Post, "jobs/verification-email", content, ManagementJsonContext.Default.Job, cancellationToken);
    }
}
