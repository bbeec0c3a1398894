using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using Profiles.Web.Localization;

namespace Profiles.Web.Tests.Localization;

/// <summary>The journey resources (everything but <see cref="SharedResource"/>) in German, Spanish and Arabic, read from the
/// compiled satellite assemblies: every English key has a non-empty translation with exactly the same placeholders.</summary>
public sealed partial class JourneyResourceTranslationTests
{
    public static TheoryData<string, string> Resources()
    {
        var data = new TheoryData<string, string>();
        foreach (var type in new[] { typeof(EmailResource), typeof(SignInMethodsResource), typeof(DataResource), typeof(PasswordResource), typeof(ActivityResource), typeof(ConsentResource) })
        {
            foreach (var culture in new[] { "de", "es", "ar" })
            {
                data.Add(type.Name, culture);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Resources))]
    public void Every_english_key_is_translated_with_the_same_placeholders(string resource, string culture)
    {
        var manager = new ResourceManager($"Profiles.Web.Resources.Localization.{resource}", typeof(SharedResource).Assembly);
        var english = Entries(manager, CultureInfo.InvariantCulture);
        var translated = Entries(manager, CultureInfo.GetCultureInfo(culture));

        Assert.NotEmpty(english);
        Assert.Empty(translated.Keys.Except(english.Keys));
        foreach (var (key, value) in english)
        {
            Assert.True(translated.TryGetValue(key, out var text) && !string.IsNullOrWhiteSpace(text), $"{resource}.{culture}: {key} is missing");
            Assert.Equal(Placeholders(value), Placeholders(text!));
            if (value.Length > 12)
            {
                Assert.NotEqual(value, text);
            }
        }
    }

    [Fact]
    public void Arabic_deletion_word_is_arabic_so_the_confirmation_can_be_typed_on_an_arabic_keyboard()
    {
        var manager = new ResourceManager("Profiles.Web.Resources.Localization.DataResource", typeof(SharedResource).Assembly);

        Assert.Equal("حذف", manager.GetString("Delete.ConfirmWord", CultureInfo.GetCultureInfo("ar")));
        Assert.Equal("LÖSCHEN", manager.GetString("Delete.ConfirmWord", CultureInfo.GetCultureInfo("de")));
    }

    private static Dictionary<string, string> Entries(ResourceManager manager, CultureInfo culture)
    {
        var set = manager.GetResourceSet(culture, createIfNotExists: true, tryParents: false);
        Assert.NotNull(set);
        return set.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string?)e.Value ?? "", StringComparer.Ordinal);
    }

    private static List<string> Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value).Order(StringComparer.Ordinal)];

    [GeneratedRegex(@"\{\d+(:[^}]*)?\}")]
    private static partial Regex Placeholder();
}
