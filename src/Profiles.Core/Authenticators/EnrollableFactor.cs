namespace Profiles.Core.Authenticators;

/// <summary>What the user can add from the page.</summary>
public enum EnrollableFactor
{
    AuthenticatorApp,
    Phone,
    Email,
    Passkey,
}
