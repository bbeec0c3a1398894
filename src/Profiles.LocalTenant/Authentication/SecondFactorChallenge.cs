namespace Profiles.LocalTenant.Authentication;

/// <summary>The second step of a sign-in: who passed the first factor (and through which connection), the one-time code sent for an
/// email or phone factor, wrong answers so far, whether the second factor passed (a used recovery code still shows the new one), and
/// whether the first factor is the live session's (a step-up) rather than one given in this sign-in.</summary>
public sealed record SecondFactorChallenge(
    string UserId,
    string Connection,
    string? SentCode = null,
    string? SentToMethodId = null,
    DateTimeOffset? SentCodeExpiresAt = null,
    string? PasskeyOptions = null,
    int Failures = 0,
    bool Passed = false,
    bool FirstFactorFromSession = false);
