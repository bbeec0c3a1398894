using System.Net;
using System.Text.RegularExpressions;

namespace Profiles.LocalTenant.Tests.Authentication;

/// <summary>A POST form found in a tenant page: its action, hidden fields and inner HTML.</summary>
internal sealed partial record HtmlForm(string Action, Dictionary<string, string> Hidden, string Inner)
{
    public static IReadOnlyList<HtmlForm> All(string html)
        => FormPattern().Matches(html).Select(m => new HtmlForm(
            WebUtility.HtmlDecode(m.Groups["action"].Value),
            HiddenPattern().Matches(m.Groups["inner"].Value).ToDictionary(h => h.Groups["name"].Value, h => WebUtility.HtmlDecode(h.Groups["value"].Value)),
            m.Groups["inner"].Value)).ToList();

    public static HtmlForm Single(string html, string action, string? containing = null)
        => All(html).Single(f => f.Action == action && (containing is null || f.Inner.Contains(containing, StringComparison.Ordinal)));

    [GeneratedRegex("""<form method="post" action="(?<action>[^"]*)">(?<inner>.*?)</form>""", RegexOptions.Singleline)]
    private static partial Regex FormPattern();

    [GeneratedRegex("""<input type="hidden" name="(?<name>[^"]*)" value="(?<value>[^"]*)">""")]
    private static partial Regex HiddenPattern();
}
