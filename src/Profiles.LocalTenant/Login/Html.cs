using System.Globalization;
using System.Net;

namespace Profiles.LocalTenant.Login;

/// <summary>Small helpers for the login pages' HTML.</summary>
public static class Html
{
    /// <summary>HTML from an interpolated template; holes are encoded (see <see cref="HtmlInterpolation"/>).</summary>
    public static Markup Of(ref HtmlInterpolation html) => html.ToMarkup();

    /// <summary>A translated text whose <c>{0}</c>… holes take markup (a link, a name in bold): the text is encoded, the holes are not.</summary>
    public static Markup Format(string text, params Markup[] holes)
    {
        ArgumentNullException.ThrowIfNull(holes);
        return new(string.Format(CultureInfo.InvariantCulture, WebUtility.HtmlEncode(text), holes.Select(h => (object)h.Value).ToArray()));
    }

    public static Markup When(bool condition, Markup markup) => condition ? markup : Markup.Empty;

    /// <summary>A hidden form field (an empty value when <paramref name="value"/> is null).</summary>
    public static Markup Hidden(string name, string? value) => Of($"""<input type="hidden" name="{name}" value="{value}">""");

    /// <summary>An error message linked to its fields with <c>aria-describedby</c>; empty when there is no message.</summary>
    public static Markup Error(string id, string? message)
        => message is null ? Markup.Empty : Of($"""<p class="error" id="{id}" role="alert">{message}</p>""");

    /// <summary>The attributes that mark a field invalid and point at its error text.</summary>
    public static Markup Invalid(string errorId, bool invalid)
        => invalid ? Of($""" aria-invalid="true" aria-describedby="{errorId}" """) : Markup.Empty;
}
