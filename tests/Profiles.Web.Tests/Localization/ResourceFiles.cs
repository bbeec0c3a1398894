using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Profiles.Web.Tests.Deployment;

namespace Profiles.Web.Tests.Localization;

/// <summary>
/// The .resx files on disk under <c>src/</c> (every assembly, whatever resource sets exist) and the languages the portal is
/// configured with, read from the repository rather than from compiled assemblies so that a new resource set or a new
/// language is covered without touching the tests.
/// </summary>
public static partial class ResourceFiles
{
    /// <summary>The configured languages other than English (<c>Profiles:Languages:Cultures</c> in the portal's appsettings.json).</summary>
    public static IReadOnlyList<string> TranslatedCultures { get; } = ReadCultures();

    /// <summary>Every English (neutral) resource file, as a path relative to the repository root with forward slashes.</summary>
    public static IReadOnlyList<string> EnglishFiles { get; } = FindEnglishFiles();

    /// <summary>The file holding <paramref name="culture"/>'s translations of <paramref name="englishFile"/>.</summary>
    public static string TranslationOf(string englishFile, string culture) =>
        englishFile[..^".resx".Length] + "." + culture + ".resx";

    public static string FullPath(string relativePath) => Path.Combine(RepositoryPaths.Root, relativePath);

    /// <summary>The file's entries, key to value, in file order.</summary>
    public static IReadOnlyDictionary<string, string> Read(string relativePath) =>
        XDocument.Load(FullPath(relativePath)).Root!.Elements("data")
            .Where(d => d.Attribute("type") is null)
            .ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")?.Value ?? "", StringComparer.Ordinal);

    /// <summary>The composite-format placeholders of a text (<c>{0}</c>, <c>{1:N0}</c>…), sorted, duplicates kept once.</summary>
    public static IReadOnlyList<string> Placeholders(string text) =>
        Placeholder().Matches(text.Replace("{{", "", StringComparison.Ordinal).Replace("}}", "", StringComparison.Ordinal))
            .Select(m => m.Value).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    private static List<string> ReadCultures()
    {
        var settings = JsonNode.Parse(File.ReadAllText(FullPath("src/Profiles.Web/appsettings.json")))!;
        return settings["Profiles"]!["Languages"]!["Cultures"]!.AsArray()
            .Select(c => c!.GetValue<string>())
            .Where(c => !string.Equals(c, "en", StringComparison.OrdinalIgnoreCase))
            .ToList();
    }

    private static List<string> FindEnglishFiles()
    {
        var source = FullPath("src");
        return Directory.EnumerateFiles(source, "*.resx", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(RepositoryPaths.Root, path).Replace('\\', '/'))
            .Where(path => !path.Contains("/bin/", StringComparison.Ordinal) && !path.Contains("/obj/", StringComparison.Ordinal))
            .Where(path => !CultureSuffix().IsMatch(path))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    [GeneratedRegex(@"\{\d+(,-?\d+)?(:[^{}]*)?\}")]
    private static partial Regex Placeholder();

    /// <summary><c>Name.fr.resx</c>, <c>Name.pt-BR.resx</c>, <c>Name.zh-Hans.resx</c>: a translation, not a neutral file.</summary>
    [GeneratedRegex(@"\.[a-z]{2,3}(-[A-Za-z0-9]{2,8})*\.resx$")]
    private static partial Regex CultureSuffix();
}
