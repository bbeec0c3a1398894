namespace Profiles.Core.Authenticators;

/// <summary>One of the user's second factors or passkeys, as the page shows it.</summary>
/// <param name="Id">Auth0's method id (<c>totp|dev_…</c>).</param>
/// <param name="Kind">What it is.</param>
/// <param name="Nickname">The name the user gave it, if any.</param>
/// <param name="Detail">The masked phone number or address, if any.</param>
/// <param name="AddedAt">When it was added.</param>
/// <param name="LastUsedAt">When it last signed the user in; null if never (or Auth0 does not say).</param>
/// <param name="Passkey">Passkeys: synced or device-bound, when Auth0 says.</param>
/// <param name="MadeBy">Passkeys and security keys: the authenticator's name, when its AAGUID is a known one.</param>
/// <param name="LinkId">Management API: methods sharing it are enrolled and removed together (Guardian's push and codes).</param>
public sealed record Authenticator(
    string Id,
    AuthenticatorKind Kind,
    string? Nickname,
    string? Detail,
    DateTimeOffset? AddedAt,
    DateTimeOffset? LastUsedAt,
    PasskeyStorage? Passkey,
    string? MadeBy,
    string? LinkId = null)
{
    /// <summary>Counts toward "two-step verification is on": every kind but passkeys (a first factor) and the recovery code
    /// (a spare for the others).</summary>
    public bool IsSecondFactor => Kind is not (AuthenticatorKind.Passkey or AuthenticatorKind.RecoveryCode);

    /// <summary>Auth0 keeps no nickname for recovery codes.</summary>
    public bool CanRename => Kind != AuthenticatorKind.RecoveryCode;
}
