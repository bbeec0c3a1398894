using Profiles.LocalTenant.Security;

namespace Profiles.LocalTenant.Login;

/// <summary>A password policy as a readable list; after a failed attempt each rule says whether it was met.</summary>
public static class PasswordRulesList
{
    public static Markup Render(string id, IReadOnlyList<PasswordRule> rules, bool showStatus)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return Html.Of($"""
            <div id="{id}"><p class="hint">Your password must have:</p>
            <ul class="rules">{rules.Select(r => Item(r, showStatus))}</ul></div>
            """);
    }

    private static Markup Item(PasswordRule rule, bool showStatus)
    {
        var items = rule.Items is null ? Markup.Empty : Html.Of($"""<ul>{rule.Items.Select(i => Item(i, showStatus))}</ul>""");
        if (!showStatus)
        {
            return Html.Of($"""<li>{rule.Message}{items}</li>""");
        }

        return rule.Verified
            ? Html.Of($"""<li class="met"><span class="visually-hidden">Met: </span>{rule.Message}{items}</li>""")
            : Html.Of($"""<li class="unmet"><span class="visually-hidden">Not met: </span>{rule.Message}{items}</li>""");
    }
}
