namespace Profiles.Core.Account;

/// <summary>
/// Auth0's strength levels as rules, to tell the user what a refused password lacks. The Management API's 400 says only
/// "PasswordStrengthError: Password is too weak" (unlike <c>/dbconnections/signup</c>, it carries no rule list), so the portal
/// describes the policy it is configured with (<see cref="PasswordOptions"/>) and never refuses a password on its own.
/// </summary>
public static class PasswordPolicy
{
    public const string None = "none";
    public const string Low = "low";
    public const string Fair = "fair";
    public const string Good = "good";
    public const string Excellent = "excellent";

    private const string SpecialCharacters = " !\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    /// <summary>The policy's rules, each marked as met or not by <paramref name="password"/> (empty: none met, for the help text).</summary>
    public static IReadOnlyList<PasswordRule> Evaluate(PasswordOptions options, string? password)
    {
        ArgumentNullException.ThrowIfNull(options);
        password ??= "";
        var (levelMinimum, required, ofCount) = options.PolicyStrength switch
        {
            None => (1, 0, 0),
            Low => (6, 0, 0),
            Fair => (8, 3, 3),
            Excellent => (10, 3, 4),
            _ => (8, 3, 4),
        };
        var minimum = Math.Max(options.PolicyMinLength, levelMinimum);
        var rules = new List<PasswordRule> { new("lengthAtLeast", [minimum], password.Length >= minimum) };
        if (required > 0)
        {
            var items = new List<PasswordRule>
            {
                new("lowerCase", [], password.Any(char.IsLower)),
                new("upperCase", [], password.Any(char.IsUpper)),
                new("numbers", [], password.Any(char.IsDigit)),
            };
            if (ofCount == 4)
            {
                items.Add(new("specialCharacters", [], password.Any(c => SpecialCharacters.Contains(c, StringComparison.Ordinal))));
            }

            rules.Add(new("containsAtLeast", [required, ofCount], items.Count(i => i.Met) >= required, items));
        }

        if (options.PolicyStrength == Excellent)
        {
            var repeats = Enumerable.Range(2, Math.Max(0, password.Length - 2))
                .Any(i => password[i] == password[i - 1] && password[i] == password[i - 2]);
            rules.Add(new("identicalChars", [2], password.Length > 0 && !repeats));
        }

        return rules;
    }
}
