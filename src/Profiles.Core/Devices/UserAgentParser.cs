namespace Profiles.Core.Devices;

/// <summary>
/// Names the browser and operating system of a user agent, for people rather than statistics: the common families only, in
/// the order that avoids the usual traps (Edge and Opera say "Chrome", Chrome says "Safari", Android says "Linux"). No served
/// package does this (docs/decisions); anything unrecognised stays null and the page says "Unknown browser".
/// </summary>
public static class UserAgentParser
{
    private static readonly (string Token, string Name)[] Browsers =
    [
        ("Edg/", "Edge"), ("EdgA/", "Edge"), ("EdgiOS/", "Edge"), ("OPR/", "Opera"), ("SamsungBrowser/", "Samsung Internet"),
        ("Vivaldi/", "Vivaldi"), ("YaBrowser/", "Yandex Browser"), ("FxiOS/", "Firefox"), ("Firefox/", "Firefox"), ("CriOS/", "Chrome"),
        ("Chromium/", "Chromium"), ("Chrome/", "Chrome"), ("Safari/", "Safari"), ("Trident/", "Internet Explorer"),
    ];

    private static readonly (string Token, string Name)[] Systems =
    [
        ("Windows", "Windows"), ("iPhone", "iOS"), ("iPad", "iPadOS"), ("Android", "Android"), ("CrOS", "ChromeOS"),
        ("Mac OS X", "macOS"), ("Macintosh", "macOS"), ("Linux", "Linux"),
    ];

    public static UserAgentDescription Parse(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent))
        {
            return UserAgentDescription.Unknown;
        }

        var browser = Find(Browsers, userAgent);
        var system = Find(Systems, userAgent);
        var mobile = userAgent.Contains("Mobile", StringComparison.Ordinal) || system is "iOS" or "Android";
        return new UserAgentDescription(browser, system, mobile);
    }

    private static string? Find((string Token, string Name)[] candidates, string userAgent)
    {
        foreach (var (token, name) in candidates)
        {
            if (userAgent.Contains(token, StringComparison.Ordinal))
            {
                return name;
            }
        }

        return null;
    }
}
