namespace Profiles.Web.Tests.Localization;

/// <summary>What is wrong with one translation of a resource set, compared with the English entries.</summary>
public static class TranslationProblems
{
    public static IReadOnlyList<string> Of(IReadOnlyDictionary<string, string> english, IReadOnlyDictionary<string, string> translated)
    {
        ArgumentNullException.ThrowIfNull(english);
        ArgumentNullException.ThrowIfNull(translated);
        var problems = new List<string>();
        foreach (var (key, englishText) in english)
        {
            if (!translated.TryGetValue(key, out var text))
            {
                problems.Add($"{key}: missing");
            }
            else if (string.IsNullOrWhiteSpace(text))
            {
                problems.Add($"{key}: empty");
            }
            else if (!ResourceFiles.Placeholders(englishText).SequenceEqual(ResourceFiles.Placeholders(text)))
            {
                problems.Add($"{key}: placeholders {string.Join(' ', ResourceFiles.Placeholders(text))} instead of "
                    + string.Join(' ', ResourceFiles.Placeholders(englishText)));
            }
        }

        problems.AddRange(translated.Keys.Where(key => !english.ContainsKey(key)).Select(key => $"{key}: not in English (stale)"));
        return problems;
    }
}
