using System.Globalization;
using Profiles.LocalTenant.Data;

namespace Profiles.LocalTenant.Security;

/// <summary>Checks passwords as Auth0 database connections do: strength level, minimum length, dictionary,
/// personal information and history.</summary>
public static class PasswordPolicyChecker
{
    private const string SpecialCharacters = " !\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    public static PasswordCheck Check(PasswordPolicy policy, string password, TenantUser? user = null, TenantIdentity? identity = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(password);
        var rules = StrengthRules(policy, password);
        var policyText = string.Join("\n", rules.Select(r => "* " + r.Message + (r.Items is null ? "" : ":\n" + string.Join("\n", r.Items.Select(i => "   * " + i.Message)))));
        if (rules.Any(r => !r.Verified) || password.Length > 72)
        {
            return new PasswordCheck("PasswordStrengthError", "Password is too weak", rules, policyText);
        }

        if (policy.Dictionary.Any(word => string.Equals(word, password, StringComparison.OrdinalIgnoreCase)))
        {
            return new PasswordCheck("PasswordDictionaryError", "Password is too common", rules, policyText);
        }

        if (policy.NoPersonalInfo && user is not null && ContainsPersonalInfo(password, user))
        {
            return new PasswordCheck("PasswordNoUserInfoError", "Password contains user information", rules, policyText);
        }

        if (policy.HistorySize > 0 && identity is not null
            && new[] { identity.PasswordHash }.Concat(identity.PasswordHistory).Take(policy.HistorySize).Any(h => PasswordHasher.Verify(password, h)))
        {
            return new PasswordCheck("PasswordHistoryError", "Password has previously been used", rules, policyText);
        }

        return new PasswordCheck(null, "", rules, policyText);
    }

    private static List<PasswordRule> StrengthRules(PasswordPolicy policy, string password)
    {
        var (levelMinimum, required, ofCount) = policy.Strength switch
        {
            "none" => (1, 0, 0),
            "low" => (6, 0, 0),
            "fair" => (8, 3, 3),
            "excellent" => (10, 3, 4),
            _ => (8, 3, 4),
        };
        var minimum = Math.Max(policy.MinLength, levelMinimum);
        var rules = new List<PasswordRule>
        {
            new("lengthAtLeast", string.Format(CultureInfo.InvariantCulture, "At least {0} characters in length", minimum), [minimum], password.Length >= minimum),
        };
        if (required > 0)
        {
            var items = new List<PasswordRule>
            {
                new("lowerCase", "lower case letters (a-z)", [], password.Any(char.IsLower)),
                new("upperCase", "upper case letters (A-Z)", [], password.Any(char.IsUpper)),
                new("numbers", "numbers (i.e. 0-9)", [], password.Any(char.IsDigit)),
            };
            if (ofCount == 4)
            {
                items.Add(new("specialCharacters", "special characters (e.g. !@#$%^&*)", [], password.Any(c => SpecialCharacters.Contains(c, StringComparison.Ordinal))));
            }

            var met = items.Count(i => i.Verified);
            var message = ofCount == required
                ? "Contain all of the following " + ofCount.ToString(CultureInfo.InvariantCulture) + " types of characters"
                : string.Format(CultureInfo.InvariantCulture, "Contain at least {0} of the following {1} types of characters", required, ofCount);
            rules.Add(new("containsAtLeast", message, [required, ofCount], met >= required, items));
        }

        if (policy.Strength == "excellent")
        {
            var repeats = Enumerable.Range(2, Math.Max(0, password.Length - 2)).Any(i => password[i] == password[i - 1] && password[i] == password[i - 2]);
            rules.Add(new("identicalChars", "No more than 2 identical characters in a row (e.g., \"aaa\" not allowed)", [2], !repeats));
        }

        return rules;
    }

    private static bool ContainsPersonalInfo(string password, TenantUser user)
    {
        var parts = new[] { user.Name, user.Nickname, user.GivenName, user.FamilyName, user.Username, user.Email?.Split('@')[0] };
        return parts.Any(p => p is { Length: >= 3 } && password.Contains(p, StringComparison.OrdinalIgnoreCase));
    }
}
