using System.Net;
using Profiles.Core.Management;

namespace Profiles.Core.Pacing;

/// <summary>Builds the error for a call the pacer could not admit in time: a 429 like the tenant's, so the portal shows
/// "try again in N s" the same way, without the call ever reaching the tenant.</summary>
public static class PacingRejection
{
    /// <summary><see cref="ManagementApiException.ErrorCode"/> of a call refused by the pacer.</summary>
    public const string ErrorCode = "too_many_requests";

    /// <summary><see cref="ManagementApiException.ApiMessage"/> of a call refused by the pacer.</summary>
    public const string Message = "Paced by the portal: the tenant's rate limit leaves no room within the request budget.";

    public static ManagementApiException Create(BucketProfile profile, DateTimeOffset now, DateTimeOffset expectedAt)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var wait = expectedAt - now;
        // Whole seconds, at least one: the user is told a number of seconds.
        var retryAfter = TimeSpan.FromSeconds(Math.Max(1, Math.Ceiling(wait.TotalSeconds)));
        return new ManagementApiException(HttpStatusCode.TooManyRequests, ErrorCode, Message,
            new RateLimitInfo(profile.Burst, 0, now + retryAfter, retryAfter));
    }
}
