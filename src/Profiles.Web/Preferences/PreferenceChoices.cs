using Profiles.Core.Preferences;
using Profiles.Web.Localization;

namespace Profiles.Web.Preferences;

/// <summary>The choices a <c>select</c> preference offers: the declared ones, or those of its options source.</summary>
public sealed class PreferenceChoices
{
    public const string TimeZonesSource = "time-zones";

    private readonly Lazy<IReadOnlyList<PreferenceOption>> _timeZones = new(() =>
        TimeZoneInfo.GetSystemTimeZones()
            .Select(zone => zone.HasIanaId || TimeZoneInfo.TryConvertWindowsIdToIanaId(zone.Id, out _) ? zone : null)
            .OfType<TimeZoneInfo>()
            .Select(zone => zone.HasIanaId ? zone.Id : TimeZoneInfo.TryConvertWindowsIdToIanaId(zone.Id, out var iana) ? iana : zone.Id)
            .Append("UTC")
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(id => new PreferenceOption { Value = id })
            .ToList());

    public IReadOnlyList<PreferenceOption> For(PreferenceField field) =>
        string.Equals(field.OptionsSource, TimeZonesSource, StringComparison.OrdinalIgnoreCase) ? _timeZones.Value : field.Options;

    public static string Label(PreferenceOption option) =>
        option.Label.Count == 0 ? option.Value : PortalCultures.Pick(option.Label);
}
