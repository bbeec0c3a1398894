using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Profiles.Web.Localization;

namespace Profiles.Web.Tests.Localization;

/// <summary>The portal's localizer remembers each text per language: the same answers as the framework's resource localizer in
/// every language, arguments formatted with the culture of the call, the resource file asked once per text and language, and
/// never more than its cap of remembered texts.</summary>
public sealed class CachingStringLocalizerTests
{
    private static readonly string[] Cultures = ["en", "fr", "de", "es", "ar"];

    [Fact]
    public void Every_shared_text_reads_as_the_frameworks_localizer_reads_it_in_every_language()
    {
        var options = Options.Create(new LocalizationOptions { ResourcesPath = "Resources" });
        var framework = new ResourceManagerStringLocalizerFactory(options, NullLoggerFactory.Instance).Create(typeof(SharedResource));
        var portal = new CachingStringLocalizerFactory(options, NullLoggerFactory.Instance).Create(typeof(SharedResource));
        var names = ResourceFiles.Read(ResourceFiles.EnglishFiles.Single(f => f.EndsWith("/SharedResource.resx", StringComparison.Ordinal))).Keys.ToList();
        Assert.NotEmpty(names);

        // Twice round the languages: the second pass reads what the first remembered.
        foreach (var culture in Cultures.Concat(Cultures))
        {
            using var _ = new UiCulture(culture);
            foreach (var name in names)
            {
                Assert.Equal(framework[name].Value, portal[name].Value);
                Assert.False(portal[name].ResourceNotFound, $"{name} ({culture})");
            }
        }
    }

    [Fact]
    public void A_text_is_read_once_per_language_and_formatted_with_the_culture_of_each_call()
    {
        var inner = new CountingLocalizer();
        var localizer = new CachingStringLocalizer(inner);

        using (new UiCulture("en"))
        {
            Assert.Equal("en: 1,234.5", localizer["Amount", 1234.5].Value);
            Assert.Equal("en: 2.5", localizer["Amount", 2.5].Value);
        }

        using (new UiCulture("de"))
        {
            Assert.Equal("de: 1.234,5", localizer["Amount", 1234.5].Value);
        }

        Assert.Equal(2, inner.Reads);
    }

    [Fact]
    public void Past_its_cap_new_names_are_answered_but_not_remembered()
    {
        var inner = new CountingLocalizer();
        var localizer = new CachingStringLocalizer(inner);
        using var _ = new UiCulture("en");

        for (var i = 0; i < CachingStringLocalizer.MaxEntries + 10; i++)
        {
            Assert.Equal("en: {0}", localizer["Name" + i.ToString(CultureInfo.InvariantCulture)].Value);
        }

        Assert.Equal(CachingStringLocalizer.MaxEntries, localizer.Count);
    }

    private sealed class CountingLocalizer : IStringLocalizer
    {
        public int Reads { get; private set; }

        public LocalizedString this[string name]
        {
            get
            {
                Reads++;
                return new LocalizedString(name, CultureInfo.CurrentUICulture.Name + (name == "Amount" ? ": {0:#,##0.##}" : ": {0}"));
            }
        }

        public LocalizedString this[string name, params object[] arguments] => throw new NotSupportedException();

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }

    private sealed class UiCulture : IDisposable
    {
        private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
        private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

        public UiCulture(string name)
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);
        }

        public void Dispose()
        {
            CultureInfo.CurrentCulture = _culture;
            CultureInfo.CurrentUICulture = _uiCulture;
        }
    }
}
