using Microsoft.AspNetCore.Mvc.RazorPages;
using Profiles.Core.Results;

namespace Profiles.Web.Hosting;

/// <summary>
/// The one place a <see cref="ServiceResult"/> becomes what the user sees. A page that renders again puts the failure in
/// ModelState: each field error under its input (<c>Input.{Field}</c>), anything else under <see cref="FormKey"/>, the form's
/// own error. A page that redirects takes the sentence for its status message (<see cref="Describe"/>).
/// </summary>
public static class ServiceResultPageExtensions
{
    /// <summary>The ModelState key of an error about the whole form rather than one field.</summary>
    public const string FormKey = "";

    /// <summary>Writes a failure to ModelState; returns true (and writes nothing) on success. <paramref name="fieldKey"/> maps a
    /// service's field name to the ModelState key of its input (null: the form's own error); by default <c>Input.{Field}</c>.</summary>
    public static bool ApplyResult(this PageModel page, ServiceResult result, ResultText text, Func<string, string?>? fieldKey = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(text);
        if (result.Succeeded)
        {
            return true;
        }

        if (result.FieldErrors.Count == 0)
        {
            page.ModelState.AddModelError(FormKey, result.Describe(text));
            return false;
        }

        foreach (var error in result.FieldErrors)
        {
            var key = fieldKey is null ? "Input." + error.Field : fieldKey(error.Field) ?? FormKey;
            page.ModelState.AddModelError(key, text(error.Code, result, error.Arguments));
        }

        return false;
    }

    /// <summary>The sentence for the result's code (a success's code too), for a status message.</summary>
    public static string Describe(this ServiceResult result, ResultText text)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(text);
        var first = result.FieldErrors.Count > 0 ? result.FieldErrors[0] : null;
        return text(first?.Code ?? result.Code ?? "", result, first?.Arguments ?? result.Arguments);
    }

    /// <summary>The form's own error, if <see cref="ApplyResult"/> wrote one.</summary>
    public static string? FormError(this PageModel page) => page.ErrorFor(FormKey);

    /// <summary>The first error under <paramref name="key"/> (e.g. <c>Input.NewPassword</c>), if any.</summary>
    public static string? ErrorFor(this PageModel page, string key)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page.ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;
    }
}
