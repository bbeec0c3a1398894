namespace Profiles.Core.Pacing;

/// <summary>Client-side pacing of Management API calls, section <c>Auth0:Management:Pacing</c>.</summary>
public sealed class PacingOptions
{
    /// <summary><c>auto</c> (default: one Enterprise-sized bucket, 50 burst / 16 per s, resized from <c>x-ratelimit-limit</c>),
    /// <c>free</c>, <c>essentials</c> (separate Write Users, Read Users and other-endpoint buckets), <c>enterprise</c> or <c>off</c>.
    /// Set it to the tenant's plan: only then are Essentials' per-endpoint buckets paced separately.</summary>
    public string Plan { get; set; } = PacingPlans.Auto;

    /// <summary>Longest a call waits in the queue for a token. The effective wait is also bounded by the call's remaining request
    /// budget; a call that cannot get a token in time fails at once with a 429-style error that says when to try again.</summary>
    public TimeSpan AdmissionDeadline { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Calls that may wait per bucket group; beyond it they fail at once.</summary>
    public int QueueLimit { get; set; } = 1000;

    /// <summary>How far our refill clock runs behind real time, to absorb the network hop and its jitter between our send and the
    /// tenant's count.</summary>
    public TimeSpan SafetyMargin { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How long a token handed out through Redis counts as possibly not yet at the tenant when no answer comes back
    /// (a timeout, a killed instance). Until its answer (or this long), the shared bucket refills only up to the burst minus
    /// such tokens: a request held up on its way (a busy host, a new connection) still occupies the tenant's bucket, whose
    /// refill stops when it is full. <c>00:00:00</c> turns this off.</summary>
    public TimeSpan InFlightHorizon { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Time kept free at the end of the request budget for the attempt itself.</summary>
    public TimeSpan AttemptReserve { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Most tokens taken from the shared store in one transaction.</summary>
    public int LeaseBatch { get; set; } = 8;

    /// <summary>Share the bucket (tokens and 429 pauses) with other portal instances through the portal database
    /// (<c>PortalDatabase:ConnectionString</c>).</summary>
    public bool Shared { get; set; }
}
