using System.Globalization;
using Profiles.LocalTenant.Data;
using Auth0PasswordPolicy = Profiles.Core.Password.PasswordPolicy;

namespace Profiles.LocalTenant.Security;

/// <summary>Checks passwords as Auth0 database connections do: strength level, minimum length, dictionary,
/// personal information and history.</summary>
public static class PasswordPolicyChecker
{
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

    /// <summary>Auth0's strength table (shared with the portal) with Auth0's English rule texts.</summary>
    private static List<PasswordRule> StrengthRules(PasswordPolicy policy, string password) =>
        Auth0PasswordPolicy.Evaluate(policy.Strength, policy.MinLength, password).Select(WithMessage).ToList();

    private static PasswordRule WithMessage(Core.Password.PasswordRule rule) => new(
        rule.Code,
        rule.Code switch
        {
            "lengthAtLeast" => string.Format(CultureInfo.InvariantCulture, "At least {0} characters in length", rule.Format[0]),
            "containsAtLeast" when rule.Format[0] == rule.Format[1] =>
                "Contain all of the following " + rule.Format[1].ToString(CultureInfo.InvariantCulture) + " types of characters",
            "containsAtLeast" => string.Format(CultureInfo.InvariantCulture, "Contain at least {0} of the following {1} types of characters", rule.Format[0], rule.Format[1]),
            "lowerCase" => "lower case letters (a-z)",
            "upperCase" => "upper case letters (A-Z)",
            "numbers" => "numbers (i.e. 0-9)",
            "specialCharacters" => "special characters (e.g. !@#$%^&*)",
            "identicalChars" => "No more than 2 identical characters in a row (e.g., \"aaa\" not allowed)",
            _ => rule.Code,
        },
        rule.Format,
        rule.Met,
        rule.Items?.Select(WithMessage).ToList());

    private static bool ContainsPersonalInfo(string password, TenantUser user)
    {
        var parts = new[] { user.Name, user.Nickname, user.GivenName, user.FamilyName, user.Username, user.Email?.Split('@')[0] };
        return parts.Any(p => p is { Length: >= 3 } && password.Contains(p, StringComparison.OrdinalIgnoreCase));
    }
}
