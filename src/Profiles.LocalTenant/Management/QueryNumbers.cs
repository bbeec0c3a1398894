using System.Globalization;

namespace Profiles.LocalTenant.Management;

/// <summary>Whole-number query parameters (<c>page</c>, <c>per_page</c>) read as Auth0 reads them: out of range or not a
/// number is a 400 <c>invalid_query_string</c>.</summary>
internal static class QueryNumbers
{
    public static int Parse(string? value, string name, int min, int max, int fallback)
    {
        if (value is null)
        {
            return fallback;
        }

        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed >= min && parsed <= max
            ? parsed
            : throw new ManagementProblem(StatusCodes.Status400BadRequest,
                string.Format(CultureInfo.InvariantCulture, "Query validation error: 'Value must be between {0} and {1}' on property {2}.", min, max, name),
                "invalid_query_string");
    }
}
