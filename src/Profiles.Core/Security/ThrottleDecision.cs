namespace Profiles.Core.Security;

/// <summary>Whether a throttled action may go ahead now; if not, how long until it may.</summary>
public readonly record struct ThrottleDecision(bool Allowed, TimeSpan RetryAfter)
{
    public static ThrottleDecision Allow() => new(true, TimeSpan.Zero);

    public static ThrottleDecision Deny(TimeSpan retryAfter) => new(false, retryAfter);
}
