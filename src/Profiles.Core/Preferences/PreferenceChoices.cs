namespace Profiles.Core.Preferences;

/// <summary>The choices of a <c>select</c> preference, including generated ones (<c>OptionsSource</c>).</summary>
public static class PreferenceChoices
{
    /// <summary><see cref="PreferenceField.OptionsSource"/> that lists the machine's IANA time zones.</summary>
    public const string TimeZonesSource = "time-zones";

    private static readonly Lazy<IReadOnlyList<PreferenceOption>> TimeZones = new(LoadTimeZones);

    /// <summary>The declared options, or the generated list when <see cref="PreferenceField.OptionsSource"/> is set.</summary>
    public static IReadOnlyList<PreferenceOption> For(PreferenceField field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return string.Equals(field.OptionsSource, TimeZonesSource, StringComparison.OrdinalIgnoreCase) ? TimeZones.Value : field.Options;
    }

    /// <summary>True when <paramref name="value"/> is one of the field's choices (exact, case-sensitive).</summary>
    public static bool Contains(PreferenceField field, string value) =>
        For(field).Any(option => string.Equals(option.Value, value, StringComparison.Ordinal));

    private static IReadOnlyList<PreferenceOption> LoadTimeZones()
    {
        var ids = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var zone in TimeZoneInfo.GetSystemTimeZones())
        {
            // Windows lists its own ids; the value stored in user_metadata is always the IANA id.
            if (zone.HasIanaId)
            {
                ids.Add(zone.Id);
            }
            else if (TimeZoneInfo.TryConvertWindowsIdToIanaId(zone.Id, out var iana))
            {
                ids.Add(iana);
            }
        }

        return ids.Select(id => new PreferenceOption { Value = id }).ToList();
    }
}
