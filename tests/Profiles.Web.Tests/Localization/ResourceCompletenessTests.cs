namespace Profiles.Web.Tests.Localization;

/// <summary>
/// Every resource set of every assembly is complete in every configured language: the translation file exists, has every
/// English key with a non-empty value, no key English lacks, and the same placeholders as English. One case per resource set
/// and language; a failure's message names the translation file and every faulty key.
/// </summary>
public sealed class ResourceCompletenessTests
{
    public static TheoryData<string, string> ResourceSetsAndLanguages()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in ResourceFiles.EnglishFiles)
        {
            foreach (var culture in ResourceFiles.TranslatedCultures)
            {
                data.Add(file, culture);
            }
        }

        return data;
    }

    [Fact]
    public void The_resource_sets_are_found_and_the_four_translated_languages_are_configured()
    {
        Assert.Contains(ResourceFiles.EnglishFiles, f => f.EndsWith("/SharedResource.resx", StringComparison.Ordinal));
        Assert.Subset(ResourceFiles.TranslatedCultures.ToHashSet(), new HashSet<string> { "fr", "de", "es", "ar" });
    }

    [Theory]
    [MemberData(nameof(ResourceSetsAndLanguages))]
    public void Every_key_is_translated_with_the_same_placeholders(string englishFile, string culture)
    {
        var translationFile = ResourceFiles.TranslationOf(englishFile, culture);
        Assert.True(File.Exists(ResourceFiles.FullPath(translationFile)), $"{translationFile} is missing.");

        var problems = TranslationProblems.Of(ResourceFiles.Read(englishFile), ResourceFiles.Read(translationFile));

        Assert.True(problems.Count == 0, $"{translationFile}:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
    }

    [Fact]
    public void A_missing_empty_stale_or_renumbered_entry_is_reported()
    {
        var english = new Dictionary<string, string>
        {
            ["Kept"] = "Try again in {0} seconds.",
            ["Moved"] = "{0} and {1}",
            ["Renumbered"] = "Try again in {0} seconds.",
            ["Missing"] = "Hello",
            ["Empty"] = "Hello",
        };
        var translated = new Dictionary<string, string>
        {
            ["Kept"] = "Réessayez dans {0} secondes.",
            ["Moved"] = "{1} et {0}",
            ["Renumbered"] = "Réessayez dans {1} secondes.",
            ["Empty"] = " ",
            ["Stale"] = "Bonjour",
        };

        var problems = TranslationProblems.Of(english, translated);

        Assert.Equal(["Renumbered: placeholders {1} instead of {0}", "Missing: missing", "Empty: empty", "Stale: not in English (stale)"], problems);
    }

    [Fact]
    public void Placeholders_ignore_escaped_braces_and_keep_formats()
    {
        Assert.Empty(ResourceFiles.Placeholders("Use {{braces}} literally"));
        Assert.Equal(["{0:N0}"], ResourceFiles.Placeholders("{0:N0} bytes"));
    }
}
