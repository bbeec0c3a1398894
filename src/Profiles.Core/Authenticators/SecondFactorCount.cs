namespace Profiles.Core.Authenticators;

/// <summary>A remembered count of the user's second factors; <see cref="Value"/> is null when Auth0 would not say.</summary>
public sealed record SecondFactorCount(int? Value)
{
    public static SecondFactorCount Unknown { get; } = new((int?)null);
}
