namespace Profiles.Core.Telemetry;

/// <summary>Values of the <see cref="ManagementMetrics.BreakerStateName"/> gauge.</summary>
public static class BreakerStates
{
    public const int Closed = 0;
    public const int Open = 1;
    public const int HalfOpen = 2;
}
