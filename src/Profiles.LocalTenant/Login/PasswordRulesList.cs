using Profiles.LocalTenant.Security;
using static Profiles.LocalTenant.Localization.TenantText;

namespace Profiles.LocalTenant.Login;

/// <summary>A password policy as a readable list; after a failed attempt each rule says whether it was met.</summary>
public static class PasswordRulesList
{
    public static Markup Render(string id, IReadOnlyList<PasswordRule> rules, bool showStatus)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return Html.Of($"""
            <div id="{id}"><p class="hint">{T("Rules.Intro")}</p>
            <ul class="rules">{rules.Select(r => Item(r, showStatus))}</ul></div>
            """);
    }

    /// <summary>The rule in the page's language; the rule's own message is Auth0's English API text.</summary>
    private static string Text(PasswordRule rule) => rule.Code switch
    {
        "lengthAtLeast" => T("Rules.LengthAtLeast", rule.Format[0]),
        "containsAtLeast" when rule.Format[0] == rule.Format[1] => T("Rules.ContainsAll", rule.Format[1]),
        "containsAtLeast" => T("Rules.ContainsAtLeast", rule.Format[0], rule.Format[1]),
        "lowerCase" => T("Rules.LowerCase"),
        "upperCase" => T("Rules.UpperCase"),
        "numbers" => T("Rules.Numbers"),
        "specialCharacters" => T("Rules.SpecialCharacters"),
        "identicalChars" => T("Rules.IdenticalChars"),
        _ => rule.Message,
    };

    private static Markup Item(PasswordRule rule, bool showStatus)
    {
        var items = rule.Items is null ? Markup.Empty : Html.Of($"""<ul>{rule.Items.Select(i => Item(i, showStatus))}</ul>""");
        if (!showStatus)
        {
            return Html.Of($"""<li>{Text(rule)}{items}</li>""");
        }

        return rule.Verified
            ? Html.Of($"""<li class="met"><span class="visually-hidden">{T("Rules.Met")} </span>{Text(rule)}{items}</li>""")
            : Html.Of($"""<li class="unmet"><span class="visually-hidden">{T("Rules.NotMet")} </span>{Text(rule)}{items}</li>""");
    }
}
