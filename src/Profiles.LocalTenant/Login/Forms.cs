using Microsoft.AspNetCore.Antiforgery;

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

    /// <summary>Reads the form after checking its antiforgery token; null when the token is missing or wrong.</summary>
    public static async Task<IFormCollection?> ReadValidatedAsync(IAntiforgery antiforgery, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(antiforgery);
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(context))
        {
            return null;
        }

        return await context.Request.ReadFormAsync(context.RequestAborted);
    }

    public static string? Field(IFormCollection form, string name)
    {
        ArgumentNullException.ThrowIfNull(form);
        var value = form[name].ToString().Trim();
        return value.Length == 0 ? null : value;
    }

    /// <summary>The page shown when a form's antiforgery check fails (e.g. cookies blocked, or the page sat open for too long).</summary>
    public static HtmlResult Rejected() => PageLayout.Message("Form expired",
        "This form could not be accepted: it may have expired, or your browser blocked the tenant's cookies. Go back, reload the page and try again.",
        StatusCodes.Status400BadRequest);
}
