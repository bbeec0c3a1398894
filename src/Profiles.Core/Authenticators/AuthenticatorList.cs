namespace Profiles.Core.Authenticators;

/// <summary>The user's methods, second factors first, and how the page can change them.</summary>
public sealed record AuthenticatorList(IReadOnlyList<Authenticator> Methods, AuthenticatorSource Source)
{
    /// <summary>How many second factors the user has (zero: two-step verification is off).</summary>
    public int SecondFactorCount => Methods.Count(m => m.IsSecondFactor);

    public bool HasRecoveryCode => Methods.Any(m => m.Kind == AuthenticatorKind.RecoveryCode);
}
