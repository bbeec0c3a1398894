namespace Profiles.Core.Activity;

/// <summary>How a recorded action ended.</summary>
public static class SecurityOutcomes
{
    public const string Succeeded = "succeeded";
    public const string Refused = "refused";
    public const string Throttled = "throttled";
    public const string Failed = "failed";
}
