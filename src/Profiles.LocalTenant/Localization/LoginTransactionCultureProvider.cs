using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Primitives;
using Profiles.LocalTenant.Authentication;

namespace Profiles.LocalTenant.Localization;

/// <summary>The languages the application asked for with <c>ui_locales</c> (space-separated, in order of preference): on the
/// request itself (<c>/authorize</c>), else on the pending login transaction its page or form names with <c>state</c>.
/// Languages the tenant does not have are skipped; with none left, <c>Accept-Language</c> decides.</summary>
public sealed class LoginTransactionCultureProvider : RequestCultureProvider
{
    public const string Parameter = "ui_locales";

    private const int MaxLanguages = 5;

    public override async Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var requested = httpContext.Request.Query[Parameter].ToString();
        if (requested.Length == 0)
        {
            var state = await StateAsync(httpContext.Request);
            var transactions = httpContext.RequestServices.GetService<LoginTransactions>();
            requested = transactions?.Find(state)?.Request.UiLocales ?? "";
        }

        var languages = Parse(requested);
        return languages.Count == 0 ? null : new ProviderCultureResult(languages);
    }

    /// <summary>The tags of a <c>ui_locales</c> value, at most five.</summary>
    public static IList<StringSegment> Parse(string? uiLocales)
        => (uiLocales ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Take(MaxLanguages).Select(tag => new StringSegment(tag)).ToList();

    /// <summary>The login transaction id: in the query of a page, or in the posted form of a login page.</summary>
    private static async Task<string?> StateAsync(HttpRequest request)
    {
        var state = request.Query["state"].ToString();
        if (state.Length > 0 || !HttpMethods.IsPost(request.Method) || !request.Path.StartsWithSegments("/login") || !request.HasFormContentType)
        {
            return state.Length > 0 ? state : null;
        }

        try
        {
            // The endpoint reads the same, buffered form afterwards and checks it (antiforgery, control characters).
            var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
            return form["state"].ToString();
        }
        catch (InvalidDataException)
        {
            // The endpoint meets the same error and answers it; the page is then in the browser's language.
            return null;
        }
    }
}
