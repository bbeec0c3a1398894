using System.Globalization;
using Microsoft.Extensions.Options;

namespace Profiles.Web.Localization;

/// <summary>Refuses to start with no languages, without English (the fallback every resource set has), with a duplicate, or
/// with a name the machine's culture data does not know (a typo would otherwise silently serve English).</summary>
public sealed class PortalLanguagesOptionsValidator : IValidateOptions<PortalLanguagesOptions>
{
    private static readonly HashSet<string> KnownNeutralCultures = CultureInfo.GetCultures(CultureTypes.NeutralCultures)
        .Select(c => c.Name)
        .Where(name => name.Length > 0)
        .ToHashSet(StringComparer.OrdinalIgnoreCase);

    public ValidateOptionsResult Validate(string? name, PortalLanguagesOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!options.Cultures.Contains(PortalCultures.Default, StringComparer.OrdinalIgnoreCase))
        {
            failures.Add($"{PortalLanguagesOptions.SectionName}:Cultures must include '{PortalCultures.Default}', the fallback language.");
        }

        foreach (var culture in options.Cultures.Where(c => !KnownNeutralCultures.Contains(c)))
        {
            failures.Add($"{PortalLanguagesOptions.SectionName}:Cultures has '{culture}', which is not a neutral culture name (such as 'de').");
        }

        foreach (var duplicate in options.Cultures.GroupBy(c => c, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            failures.Add($"{PortalLanguagesOptions.SectionName}:Cultures lists '{duplicate.Key}' more than once.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
