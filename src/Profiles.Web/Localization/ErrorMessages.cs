using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;
using Profiles.Core.Profiles;

namespace Profiles.Web.Localization;

/// <summary>Turns Core's error codes into sentences in the UI language. Each code is a resource key; a <c>.Plain</c> variant
/// without placeholders is used when Core sent fewer arguments than the sentence needs.</summary>
public static partial class ErrorMessages
{
    public const string RateLimited = "Profile.RateLimited";

    public static string Localize(IStringLocalizer localizer, ProfileError error, TimeSpan? retryAfter = null)
    {
        if (error.Code == RateLimited && retryAfter is { } wait)
        {
            return localizer[RateLimited, (int)Math.Ceiling(wait.TotalSeconds)];
        }

        var template = localizer[error.Code];
        if (template.ResourceNotFound)
        {
            return localizer["Error.Unknown"];
        }

        var needed = Placeholders().Matches(template.Value).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) + 1).DefaultIfEmpty(0).Max();
        if (needed == 0)
        {
            return template.Value;
        }

        return error.Arguments.Length >= needed
            ? string.Format(CultureInfo.CurrentCulture, template.Value, error.Arguments)
            : localizer[error.Code + ".Plain"];
    }

    [GeneratedRegex(@"\{(\d+)[^}]*\}")]
    private static partial Regex Placeholders();
}
