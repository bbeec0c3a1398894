using System.Globalization;

namespace Profiles.LocalTenant.Management.Search;

/// <summary>A date as written in a range bound, with its precision: <c>2026</c> is the whole year, <c>2026-03</c> the
/// month, <c>2026-03-14</c> the day, a full timestamp one millisecond. Bounds round as Auth0's engine rounds them: an
/// inclusive upper bound reaches the end of the period, an exclusive lower bound starts after it.</summary>
public readonly record struct SearchDate(DateTimeOffset Start, DateTimeOffset End)
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm",
    ];

    public static SearchDate Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        const DateTimeStyles Utc = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;
        var culture = CultureInfo.InvariantCulture;
        if (DateTimeOffset.TryParseExact(text, "yyyy", culture, Utc, out var year))
        {
            return new SearchDate(year, year.AddYears(1));
        }

        if (DateTimeOffset.TryParseExact(text, "yyyy-MM", culture, Utc, out var month))
        {
            return new SearchDate(month, month.AddMonths(1));
        }

        if (DateTimeOffset.TryParseExact(text, "yyyy-MM-dd", culture, Utc, out var day))
        {
            return new SearchDate(day, day.AddDays(1));
        }

        if (DateTimeOffset.TryParseExact(text, Formats, culture, Utc, out var moment))
        {
            var unit = text.Length <= "yyyy-MM-ddTHH:mm".Length ? TimeSpan.FromMinutes(1)
                : text.Contains('.', StringComparison.Ordinal) ? TimeSpan.FromMilliseconds(1) : TimeSpan.FromSeconds(1);
            return new SearchDate(moment, moment + unit);
        }

        throw new SearchQueryException($"'{text}' is not a date (use 2026, 2026-03, 2026-03-14 or 2026-03-14T10:30:00Z)");
    }
}
