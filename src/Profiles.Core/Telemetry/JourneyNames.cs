namespace Profiles.Core.Telemetry;

/// <summary>The <c>journey</c> tag of <see cref="JourneyMetrics.OutcomesName"/>: the journeys as the portal names them everywhere.</summary>
public static class JourneyNames
{
    public const string Password = "password";
    public const string Email = "email";
    public const string SignInMethods = "signinmethods";
    public const string Data = "data";
}
