using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Profiles.LocalTenant.Login;

namespace Profiles.LocalTenant.Localization;

/// <summary>The languages the tenant's pages and emails are written in, and how a request picks one: as Auth0's Universal
/// Login does, the <c>ui_locales</c> authorization parameter first (kept with the login transaction, so every page of one
/// sign-in stays in its language), then the browser's <c>Accept-Language</c>, then English. Adding a language is one
/// resource file (<c>TenantText.{language}.resx</c>) plus its entry here.</summary>
public static class TenantCultures
{
    public const string Default = "en";

    public static readonly IReadOnlyList<string> Supported = ["en", "fr", "de", "es", "ar"];

    /// <summary>The <c>lang</c> of pages in the current UI language (English when none was set, e.g. outside a request).</summary>
    public static string Language => CultureInfo.CurrentUICulture.Name is { Length: > 0 } name ? name : Default;

    /// <summary>Whether pages in the current UI language are written right to left.</summary>
    public static bool IsRightToLeft => CultureInfo.CurrentUICulture.TextInfo.IsRightToLeft;

    /// <summary>The <c>dir</c> attribute of the <c>html</c> element: <c> dir="rtl"</c> for right-to-left languages, nothing
    /// otherwise (left to right is the default).</summary>
    public static Markup DirAttribute => IsRightToLeft ? new Markup(" dir=\"rtl\"") : Markup.Empty;

    /// <summary>Sets the UI language of every request. Only the UI culture varies: formatting in the APIs stays as it is.</summary>
    public static IApplicationBuilder UseTenantCultures(this IApplicationBuilder app)
    {
        var options = new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(Default),
            SupportedCultures = [new CultureInfo(Default)],
            SupportedUICultures = Supported.Select(c => new CultureInfo(c)).ToList(),
            FallBackToParentUICultures = true,
            ApplyCurrentCultureToResponseHeaders = true,
        };
        options.RequestCultureProviders = [new LoginTransactionCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider { Options = options }];
        return app.UseRequestLocalization(options);
    }
}
