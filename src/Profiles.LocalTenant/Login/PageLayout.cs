using Profiles.LocalTenant.Localization;
using static Profiles.LocalTenant.Localization.TenantText;

namespace Profiles.LocalTenant.Login;

/// <summary>The frame shared by every tenant page: language and direction, landmarks, skip link, stylesheet.</summary>
public static class PageLayout
{
    public static HtmlResult Render(string title, Markup body, int statusCode = StatusCodes.Status200OK)
        => new(Html.Of($"""
            <!DOCTYPE html>
            <html lang="{TenantCultures.Language}"{TenantCultures.DirAttribute}>
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{title} · {T("Layout.SiteName")}</title>
            <link rel="stylesheet" href="/tenant.css">
            </head>
            <body>
            <a class="skip-link" href="#main">{T("Layout.SkipLink")}</a>
            <header class="banner"><p><span class="brand">{T("Layout.SiteName")}</span> <span class="tag">{T("Layout.DevelopmentOnly")}</span></p></header>
            <main id="main" tabindex="-1">
            {body}
            </main>
            <footer class="footnote"><p>{T("Layout.Footnote")}</p>
            <nav aria-label="{T("Layout.ToolsLabel")}"><ul class="inline"><li><a href="/login/demo-accounts">{T("Demo.Heading")}</a></li><li><a href="/outbox">{T("Outbox.Heading")}</a></li></ul></nav></footer>
            </body>
            </html>
            """), statusCode);

    /// <summary>A page with a heading and one paragraph, e.g. for refused requests.</summary>
    public static HtmlResult Message(string title, string message, int statusCode = StatusCodes.Status200OK, Markup extra = default)
        => Render(title, Html.Of($"""<section class="card"><h1>{title}</h1><p>{message}</p>{extra}</section>"""), statusCode);
}
