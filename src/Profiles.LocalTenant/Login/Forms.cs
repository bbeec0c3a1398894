using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Antiforgery;
using static Profiles.LocalTenant.Localization.TenantText;

namespace Profiles.LocalTenant.Login;

/// <summary>Antiforgery for the tenant's POST forms (cookie <c>lt_af</c>, field <c>__lt_af</c>).</summary>
public static class Forms
{
    /// <summary>The hidden antiforgery field; also sets the antiforgery cookie on the response.</summary>
    public static Markup Antiforgery(IAntiforgery antiforgery, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(antiforgery);
        var tokens = antiforgery.GetAndStoreTokens(context);
        return Html.Hidden(tokens.FormFieldName, tokens.RequestToken);
    }

    /// <summary>Reads the form and checks its antiforgery token. Hand the result to <see cref="Accept"/>.</summary>
    public static async Task<FormRead> ReadValidatedAsync(IAntiforgery antiforgery, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(antiforgery);
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Request.HasFormContentType)
        {
            return new FormRead(null, InvalidCharacters: false);
        }

        IFormCollection form;
        try
        {
            form = await context.Request.ReadFormAsync(context.RequestAborted);
        }
        catch (InvalidDataException)
        {
            // ASP.NET Core's form reader refuses an encoded NUL outright.
            return new FormRead(null, InvalidCharacters: true);
        }

        if (form.Any(field => field.Value.Any(v => v is not null && v.Any(char.IsControl))))
        {
            return new FormRead(null, InvalidCharacters: true);
        }

        return new FormRead(await antiforgery.IsRequestValidAsync(context) ? form : null, InvalidCharacters: false);
    }

    /// <summary>Whether a read form can be used: false, with the page to answer, when its antiforgery check failed or a field
    /// holds a NUL or another control character (no field of the tenant's forms takes one, and they must never reach the store).</summary>
    public static bool Accept(FormRead read, [NotNullWhen(true)] out IFormCollection? form, [NotNullWhen(false)] out HtmlResult? refusal)
    {
        ArgumentNullException.ThrowIfNull(read);
        form = read.Form;
        if (read.InvalidCharacters)
        {
            refusal = PageLayout.Message(T("Form.InvalidCharacters.Title"), T("Form.InvalidCharacters.Text"),
                StatusCodes.Status400BadRequest);
            return false;
        }

        if (form is null)
        {
            refusal = Rejected();
            return false;
        }

        refusal = null;
        return true;
    }

    public static string? Field(IFormCollection form, string name)
    {
        ArgumentNullException.ThrowIfNull(form);
        var value = form[name].ToString().Trim();
        return value.Length == 0 ? null : value;
    }

    /// <summary>The page shown when a form's antiforgery check fails (e.g. cookies blocked, or the page sat open for too long).</summary>
    public static HtmlResult Rejected() => PageLayout.Message(T("Form.Rejected.Title"), T("Form.Rejected.Text"),
        StatusCodes.Status400BadRequest);
}
