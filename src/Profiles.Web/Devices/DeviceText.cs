using Microsoft.Extensions.Localization;
using Profiles.Core.Devices;
using Profiles.Web.Localization;

namespace Profiles.Web.Devices;

/// <summary>A session in plain words: "Firefox on Windows", "5 min ago", "Password".</summary>
public sealed class DeviceText(IStringLocalizer<DevicesResource> localizer, TimeProvider timeProvider)
{
    public string Device(UserAgentDescription device)
    {
        ArgumentNullException.ThrowIfNull(device);
        var browser = device.Browser ?? localizer["Devices.UnknownBrowser"].Value;
        var system = device.OperatingSystem ?? (device.IsMobile ? localizer["Devices.Phone"].Value : localizer["Devices.UnknownSystem"].Value);
        return localizer["Devices.Device", browser, system].Value;
    }

    public string Ago(DateTimeOffset? instant)
    {
        if (instant is null)
        {
            return localizer["Devices.Unknown"].Value;
        }

        var elapsed = timeProvider.GetUtcNow() - instant.Value;
        return elapsed.TotalMinutes < 1 ? localizer["Devices.JustNow"].Value
            : elapsed.TotalHours < 1 ? localizer["Devices.MinutesAgo", (int)elapsed.TotalMinutes].Value
            : elapsed.TotalDays < 1 ? localizer["Devices.HoursAgo", (int)elapsed.TotalHours].Value
            : localizer["Devices.DaysAgo", (int)elapsed.TotalDays].Value;
    }

    /// <summary>Auth0's method name in words; a custom method (a URL) or a new name shows as Auth0 wrote it.</summary>
    public string Method(string name)
    {
        var text = localizer["Method." + name];
        return text.ResourceNotFound ? name : text.Value;
    }
}
