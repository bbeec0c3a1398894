namespace Profiles.LocalTenant.Security;

/// <summary>The outcome of checking a password against a connection's policy.</summary>
/// <param name="ErrorName">Null when acceptable; else <c>PasswordStrengthError</c>, <c>PasswordHistoryError</c>,
/// <c>PasswordDictionaryError</c> or <c>PasswordNoUserInfoError</c> (names UNVERIFIED, see docs/decisions).</param>
/// <param name="Rules">The strength rules with whether each is met (Auth0's <c>description.rules</c>).</param>
/// <param name="PolicyText">The policy in words, as Auth0's <c>policy</c> field.</param>
public sealed record PasswordCheck(string? ErrorName, string Message, IReadOnlyList<PasswordRule> Rules, string PolicyText)
{
    public bool Ok => ErrorName is null;
}
