namespace Profiles.Core.Password;

/// <summary>
/// Auth0's password strength levels as rules: the one table both the portal (to tell the user what a refused password
/// lacks) and the local tenant (to enforce it) use. The Management API's 400 says only "PasswordStrengthError: Password is too
/// weak" (unlike <c>/dbconnections/signup</c>, it carries no rule list), so the portal describes the policy it is configured with
/// (<see cref="PasswordOptions"/>) and never refuses a password on its own.
/// </summary>
public static class PasswordPolicy
{
    public const string None = "none";
    public const string Low = "low";
    public const string Fair = "fair";
    public const string Good = "good";
    public const string Excellent = "excellent";

    /// <summary>The characters Auth0 counts as special.</summary>
    public const string SpecialCharacters = " !\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    /// <summary>Auth0's documented levels, weakest first.</summary>
    public static IReadOnlyList<PasswordStrengthLevel> Levels { get; } =
    [
        new(None, MinimumLength: 1, RequiredKinds: 0, OfKinds: 0, LimitsRepeats: false),
        new(Low, MinimumLength: 6, RequiredKinds: 0, OfKinds: 0, LimitsRepeats: false),
        new(Fair, MinimumLength: 8, RequiredKinds: 3, OfKinds: 3, LimitsRepeats: false),
        new(Good, MinimumLength: 8, RequiredKinds: 3, OfKinds: 4, LimitsRepeats: false),
        new(Excellent, MinimumLength: 10, RequiredKinds: 3, OfKinds: 4, LimitsRepeats: true),
    ];

    /// <summary>The level called <paramref name="name"/>; Auth0's default (<c>good</c>) for an unknown name.</summary>
    public static PasswordStrengthLevel Level(string? name) =>
        Levels.FirstOrDefault(level => level.Name == name) ?? Levels.Single(level => level.Name == Good);

    /// <summary>The policy's rules, each marked as met or not by <paramref name="password"/> (empty: none met, for the help text).</summary>
    public static IReadOnlyList<PasswordRule> Evaluate(PasswordOptions options, string? password)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Evaluate(options.PolicyStrength, options.PolicyMinLength, password);
    }

    /// <summary>The rules of level <paramref name="strength"/> with the connection's <paramref name="minLength"/>, each marked as
    /// met or not by <paramref name="password"/>.</summary>
    public static IReadOnlyList<PasswordRule> Evaluate(string? strength, int minLength, string? password)
    {
        password ??= "";
        var level = Level(strength);
        var minimum = Math.Max(minLength, level.MinimumLength);
        var rules = new List<PasswordRule> { new("lengthAtLeast", [minimum], password.Length >= minimum) };
        if (level.RequiredKinds > 0)
        {
            var items = new List<PasswordRule>
            {
                new("lowerCase", [], password.Any(char.IsLower)),
                new("upperCase", [], password.Any(char.IsUpper)),
                new("numbers", [], password.Any(char.IsDigit)),
            };
            if (level.OfKinds == 4)
            {
                items.Add(new("specialCharacters", [], password.Any(c => SpecialCharacters.Contains(c, StringComparison.Ordinal))));
            }

            rules.Add(new("containsAtLeast", [level.RequiredKinds, level.OfKinds], items.Count(i => i.Met) >= level.RequiredKinds, items));
        }

        if (level.LimitsRepeats)
        {
            var repeats = Enumerable.Range(2, Math.Max(0, password.Length - 2))
                .Any(i => password[i] == password[i - 1] && password[i] == password[i - 2]);
            rules.Add(new("identicalChars", [2], password.Length > 0 && !repeats));
        }

        return rules;
    }
}
