using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using System.Text;

namespace Profiles.LocalTenant.Login;

/// <summary>
/// Builds HTML from an interpolated string: literal parts are the template, every hole is HTML-encoded unless it is
/// already <see cref="Markup"/>. Forgetting to encode a value is therefore impossible by construction.
/// </summary>
[InterpolatedStringHandler]
public readonly ref struct HtmlInterpolation
{
    private readonly StringBuilder _builder;

    public HtmlInterpolation(int literalLength, int formattedCount) => _builder = new StringBuilder(literalLength + (formattedCount * 16));

    public void AppendLiteral(string value) => _builder.Append(value);

    public void AppendFormatted(Markup value) => _builder.Append(value.Value);

    public void AppendFormatted(string? value) => _builder.Append(WebUtility.HtmlEncode(value));

    public void AppendFormatted(int value) => _builder.Append(value.ToString(CultureInfo.InvariantCulture));

    public void AppendFormatted(IEnumerable<Markup> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        foreach (var value in values)
        {
            _builder.Append(value.Value);
        }
    }

    internal Markup ToMarkup() => new(_builder.ToString());
}
