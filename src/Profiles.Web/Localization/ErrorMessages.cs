using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;
using Profiles.Core.Profiles;
using Profiles.Web.Hosting;

namespace Profiles.Web.Localization;

/// <summary>Turns Core's error codes (<see cref="ProfileErrorCodes"/>) into sentences in the UI language. Each code is a resource
/// key; a <c>.Plain</c> variant without placeholders is used when Core sent fewer arguments than the sentence needs.</summary>
public static partial class ErrorMessages
{
    /// <summary><see cref="Localize"/> as the <see cref="ResultText"/> of a profile or preferences save.</summary>
    public static ResultText For(IStringLocalizer localizer) =>
        (code, result, arguments) => Localize(localizer, new ProfileError(code, [.. arguments]), result.RetryAfter);

    public static string Localize(IStringLocalizer localizer, ProfileError error, TimeSpan? retryAfter = null)
    {
        var arguments = error.Arguments;
        var key = error.Code;
        if (key == ProfileErrorCodes.RateLimited)
        {
            // The wait comes from RetryAfter, or Core's argument; 0 means unknown.
            var seconds = retryAfter is { } wait ? (int)Math.Ceiling(wait.TotalSeconds) : arguments.Length > 0 ? Convert.ToInt32(arguments[0], CultureInfo.InvariantCulture) : 0;
            return seconds > 0 ? localizer[key, seconds] : localizer[key + ".Plain"];
        }

        if (key == ProfileErrorCodes.PreferenceOutOfRange && arguments.Length >= 2)
        {
            // Core sends an empty bound when the range is open on that side.
            var hasMin = !string.IsNullOrEmpty(Convert.ToString(arguments[0], CultureInfo.InvariantCulture));
            var hasMax = !string.IsNullOrEmpty(Convert.ToString(arguments[1], CultureInfo.InvariantCulture));
            key = (hasMin, hasMax) switch
            {
                (true, true) => key,
                (true, false) => key + ".Min",
                (false, true) => key + ".Max",
                _ => key + ".Plain",
            };
        }

        var template = localizer[key];
        if (template.ResourceNotFound)
        {
            return localizer["Error.Unknown"];
        }

        var needed = Placeholders().Matches(template.Value).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) + 1).DefaultIfEmpty(0).Max();
        if (needed == 0)
        {
            return template.Value;
        }

        return arguments.Length >= needed
            ? string.Format(CultureInfo.CurrentCulture, template.Value, arguments)
            : localizer[error.Code + ".Plain"];
    }

    [GeneratedRegex(@"\{(\d+)[^}]*\}")]
    private static partial Regex Placeholders();
}
