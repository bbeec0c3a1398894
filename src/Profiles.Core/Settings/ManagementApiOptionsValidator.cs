using Microsoft.Extensions.Options;
using Profiles.Core.Pacing;

namespace Profiles.Core.Settings;

/// <summary>Start-up checks of <see cref="ManagementApiOptions"/> after defaults were taken from the <c>Auth0</c> section.</summary>
public sealed class ManagementApiOptionsValidator : IValidateOptions<ManagementApiOptions>
{
    public ValidateOptionsResult Validate(string? name, ManagementApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ClientId))
        {
            failures.Add("Auth0:Management:ClientId is missing (and Auth0:ClientId is empty too).");
        }

        if (string.IsNullOrWhiteSpace(options.ClientSecret))
        {
            failures.Add("Auth0:Management:ClientSecret is missing (and Auth0:ClientSecret is empty too).");
        }

        if (!Uri.TryCreate(options.Audience, UriKind.Absolute, out _))
        {
            failures.Add("Auth0:Management:Audience is missing or not an absolute URL (default: {Authority}/api/v2/).");
        }

        if (options.AttemptTimeout <= TimeSpan.Zero)
        {
            failures.Add("Auth0:Management:AttemptTimeout must be positive.");
        }

        if (options.RequestBudget < options.AttemptTimeout)
        {
            failures.Add("Auth0:Management:RequestBudget must be at least Auth0:Management:AttemptTimeout.");
        }

        if (options.MaxRetries is < 0 or > 10)
        {
            failures.Add("Auth0:Management:MaxRetries must be between 0 and 10.");
        }

        if (options.ProfileCacheSeconds < 0)
        {
            failures.Add("Auth0:Management:ProfileCacheSeconds must not be negative.");
        }

        if (options.FailedReadCacheSeconds is < 0 or > 300)
        {
            failures.Add("Auth0:Management:FailedReadCacheSeconds must be between 0 and 300.");
        }

        if (!PacingPlans.IsKnown(options.Pacing.Plan))
        {
            failures.Add("Auth0:Management:Pacing:Plan must be auto, free, essentials, enterprise or off.");
        }

        if (options.Pacing.AdmissionDeadline < TimeSpan.Zero || options.Pacing.QueueLimit < 0 || options.Pacing.LeaseBatch < 1
            || options.Pacing.SafetyMargin < TimeSpan.Zero || options.Pacing.AttemptReserve < TimeSpan.Zero)
        {
            failures.Add("Auth0:Management:Pacing: AdmissionDeadline, SafetyMargin, AttemptReserve and QueueLimit must not be negative; LeaseBatch must be at least 1.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
