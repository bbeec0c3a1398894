using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Profiles.Web.Tests.Localization;

/// <summary>
/// The English texts a page in another language must not show: every English resource value and every English label in the
/// portal's settings whose translation differs from it or is missing. Texts the translation shares with English ("Name",
/// "Google", "Version {0}") cannot be told apart and are left out, as is anything the translation itself says.
/// </summary>
public sealed partial class UntranslatedEnglish
{
    private readonly HashSet<string> _exact = new(StringComparer.Ordinal);
    private readonly List<(Regex Pattern, string English)> _patterns = [];

    public UntranslatedEnglish(string culture)
    {
        var pairs = ResourcePairs(culture).Concat(SettingsPairs(culture)).ToList();
        var translated = pairs.Select(p => p.Translated).OfType<string>().Select(Normalize).ToHashSet(StringComparer.Ordinal);
        foreach (var (english, translation) in pairs)
        {
            var text = Normalize(english);
            if ((translation is not null && Normalize(translation) == text) || translated.Contains(text))
            {
                continue;
            }

            var literal = Placeholder().Replace(text, "");
            if (literal.Count(char.IsLetter) < 3)
            {
                continue;
            }

            if (literal.Length == text.Length)
            {
                _exact.Add(text);
            }
            else
            {
                var pattern = "^" + string.Join(".+?", Placeholder().Split(text).Select(Regex.Escape)) + "$";
                _patterns.Add((new Regex(pattern, RegexOptions.Singleline, TimeSpan.FromSeconds(1)), text));
            }
        }
    }

    public int Count => _exact.Count + _patterns.Count;

    /// <summary>The English texts found in the document's visible text, its title and its accessible names.</summary>
    public IReadOnlyList<string> FoundIn(IDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var texts = document.Body!.Descendants<IText>()
            .Where(t => t.ParentElement?.Closest("script, style, template") is null)
            .Select(t => t.Data)
            .Concat(document.All.SelectMany(e => new[] { e.GetAttribute("aria-label"), e.GetAttribute("alt"), e.GetAttribute("title"), e.GetAttribute("placeholder") }).OfType<string>())
            .Append(document.Title ?? "")
            .Select(Normalize)
            .Where(t => t.Length > 0)
            .Distinct(StringComparer.Ordinal);
        return texts.Where(IsEnglish).ToList();
    }

    public bool IsEnglish(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normal = Normalize(text);
        return _exact.Contains(normal) || _patterns.Any(p => p.Pattern.IsMatch(normal));
    }

    private static IEnumerable<(string English, string? Translated)> ResourcePairs(string culture)
    {
        foreach (var file in ResourceFiles.EnglishFiles)
        {
            var translationFile = ResourceFiles.TranslationOf(file, culture);
            var translated = File.Exists(ResourceFiles.FullPath(translationFile))
                ? ResourceFiles.Read(translationFile)
                : new Dictionary<string, string>();
            foreach (var (key, english) in ResourceFiles.Read(file))
            {
                yield return (english, translated.TryGetValue(key, out var text) ? text : null);
            }
        }
    }

    /// <summary>Every by-language map in the portal's settings (labels, help, choices): <c>{ "en": …, "fr": … }</c>.</summary>
    private static IEnumerable<(string English, string? Translated)> SettingsPairs(string culture)
    {
        var settings = JsonNode.Parse(File.ReadAllText(ResourceFiles.FullPath("src/Profiles.Web/appsettings.json")))!;
        var pending = new Stack<JsonNode?>([settings]);
        while (pending.TryPop(out var node))
        {
            switch (node)
            {
                case JsonObject map when map["en"] is JsonValue english && english.TryGetValue<string>(out var text):
                    yield return (text, map[culture] is JsonValue value && value.TryGetValue<string>(out var translated) ? translated : null);
                    break;
                case JsonObject map:
                    foreach (var (_, child) in map)
                    {
                        pending.Push(child);
                    }

                    break;
                case JsonArray array:
                    foreach (var child in array)
                    {
                        pending.Push(child);
                    }

                    break;
            }
        }
    }

    private static string Normalize(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"\{\d+(,-?\d+)?(:[^{}]*)?\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
