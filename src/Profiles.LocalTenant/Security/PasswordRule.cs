namespace Profiles.LocalTenant.Security;

/// <summary>One rule of a password policy, in the shape of Auth0's <c>PasswordStrengthError</c> description.</summary>
public sealed record PasswordRule(string Code, string Message, IReadOnlyList<int> Format, bool Verified, IReadOnlyList<PasswordRule>? Items = null);
