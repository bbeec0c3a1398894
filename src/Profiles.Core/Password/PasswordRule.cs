namespace Profiles.Core.Password;

/// <summary>One rule of the connection's password policy, with whether the submitted password met it.</summary>
/// <param name="Code">Auth0's rule code: <c>lengthAtLeast</c>, <c>containsAtLeast</c>, <c>identicalChars</c>, or for the items of
/// <c>containsAtLeast</c>: <c>lowerCase</c>, <c>upperCase</c>, <c>numbers</c>, <c>specialCharacters</c>.</param>
/// <param name="Format">The numbers the rule's text needs (e.g. the minimum length).</param>
public sealed record PasswordRule(string Code, IReadOnlyList<int> Format, bool Met, IReadOnlyList<PasswordRule>? Items = null);
