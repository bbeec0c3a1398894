using Polly;
using Polly.Timeout;

namespace Profiles.Core.Resilience;

/// <summary>The Authentication API client's pipeline: an attempt timeout on the portal's clock, and deliberately no retry
/// (<c>/dbconnections/change_password</c> sends an email; a second one is worse than a clear failure) and no pacer (its limits
/// are per IP and email, not a Management bucket).</summary>
public static class AuthenticationResiliencePipeline
{
    /// <summary>Name of the pipeline given to <c>AddResilienceHandler</c>.</summary>
    public const string PipelineName = "authentication";

    public static void AddTo(ResiliencePipelineBuilder<HttpResponseMessage> builder, TimeSpan attemptTimeout, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.TimeProvider = timeProvider;
        builder.AddTimeout(new TimeoutStrategyOptions { Name = "AttemptTimeout", Timeout = attemptTimeout });
    }
}
