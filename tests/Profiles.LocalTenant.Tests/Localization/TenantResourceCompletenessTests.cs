using System.Collections;
using System.Globalization;
using System.Text.RegularExpressions;
using Profiles.LocalTenant.Localization;

namespace Profiles.LocalTenant.Tests.Localization;

/// <summary>Every language of the tenant's pages and emails is complete: every text of the English resources exists, is not
/// empty, keeps the same <c>{0}</c> holes and is translated; and the resource files match the configured languages.</summary>
public sealed partial class TenantResourceCompletenessTests
{
    /// <summary>Texts that are the same in English and the language on purpose (none today).</summary>
    private static readonly HashSet<(string Language, string Key)> SameAsEnglish = [];

    public static TheoryData<string> OtherLanguages()
    {
        var data = new TheoryData<string>();
        foreach (var language in TenantCultures.Supported.Where(l => l != TenantCultures.Default))
        {
            data.Add(language);
        }

        return data;
    }

    [Fact]
    public void The_English_resources_have_texts()
    {
        var english = Texts(CultureInfo.InvariantCulture);
        Assert.True(english.Count > 100, $"Only {english.Count} English texts were found: is TenantText.resx embedded?");
        Assert.All(english, t => Assert.False(string.IsNullOrWhiteSpace(t.Value), t.Key + " is empty"));
    }

    [Theory]
    [MemberData(nameof(OtherLanguages))]
    public void Every_text_exists_in_the_language_and_is_not_empty(string language)
    {
        var english = Texts(CultureInfo.InvariantCulture);
        var translated = Texts(new CultureInfo(language));

        var missing = english.Keys.Where(k => !translated.TryGetValue(k, out var text) || string.IsNullOrWhiteSpace(text)).Order(StringComparer.Ordinal).ToList();
        var unknown = translated.Keys.Except(english.Keys).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, $"TenantText.{language}.resx lacks or leaves empty: {string.Join(", ", missing)}");
        Assert.True(unknown.Count == 0, $"TenantText.{language}.resx has texts English does not: {string.Join(", ", unknown)}");
    }

    [Theory]
    [MemberData(nameof(OtherLanguages))]
    public void Every_text_keeps_the_English_holes(string language)
    {
        var english = Texts(CultureInfo.InvariantCulture);
        var translated = Texts(new CultureInfo(language));

        var wrong = english.Where(t => translated.TryGetValue(t.Key, out var text) && Holes(text) != Holes(t.Value)).Select(t => t.Key).ToList();
        Assert.True(wrong.Count == 0, $"TenantText.{language}.resx changes the {{0}} holes of: {string.Join(", ", wrong)}");
    }

    [Theory]
    [MemberData(nameof(OtherLanguages))]
    public void Every_text_is_translated(string language)
    {
        var english = Texts(CultureInfo.InvariantCulture);
        var translated = Texts(new CultureInfo(language));

        var untranslated = english
            .Where(t => translated.TryGetValue(t.Key, out var text) && text == t.Value && !SameAsEnglish.Contains((language, t.Key)))
            .Select(t => t.Key).ToList();
        Assert.True(untranslated.Count == 0, $"TenantText.{language}.resx repeats the English text of: {string.Join(", ", untranslated)}");
    }

    [Fact]
    public void The_resource_files_are_exactly_the_configured_languages()
    {
        var shipped = Directory.GetDirectories(AppContext.BaseDirectory)
            .Where(d => File.Exists(Path.Combine(d, "Profiles.LocalTenant.resources.dll")))
            .Select(Path.GetFileName)
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(TenantCultures.Supported.Where(l => l != TenantCultures.Default).Order(StringComparer.Ordinal), shipped);
    }

    /// <summary>The texts of one resource file only (no fallback to English, which would hide a missing text).</summary>
    private static Dictionary<string, string> Texts(CultureInfo culture)
    {
        var set = TenantText.Resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false);
        Assert.NotNull(set);
        return set.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => e.Value as string ?? "", StringComparer.Ordinal);
    }

    private static string Holes(string text)
        => string.Join(",", HolePattern().Matches(text).Select(m => m.Value).Order(StringComparer.Ordinal));

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex HolePattern();
}
