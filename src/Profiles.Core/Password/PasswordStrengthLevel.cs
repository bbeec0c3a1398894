namespace Profiles.Core.Password;

/// <summary>One row of Auth0's password strength table (a database connection's <c>passwordPolicy</c>).</summary>
/// <param name="Name"><c>none</c>, <c>low</c>, <c>fair</c>, <c>good</c> or <c>excellent</c>.</param>
/// <param name="MinimumLength">The level's own minimum; the connection's <c>min_length</c> can only raise it.</param>
/// <param name="RequiredKinds">How many kinds of character the password must contain (0: no such rule).</param>
/// <param name="OfKinds">Out of how many kinds: lower case, upper case and numbers, plus special characters when 4.</param>
/// <param name="LimitsRepeats">True when no character may appear more than twice in a row.</param>
public sealed record PasswordStrengthLevel(string Name, int MinimumLength, int RequiredKinds, int OfKinds, bool LimitsRepeats);
