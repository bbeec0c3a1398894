namespace Profiles.LocalTenant.Login;

/// <summary>The frame shared by every tenant page: language, landmarks, skip link, stylesheet.</summary>
public static class PageLayout
{
    public static HtmlResult Render(string title, Markup body, int statusCode = StatusCodes.Status200OK)
        => new(Html.Of($"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{title} · Local tenant</title>
            <link rel="stylesheet" href="/tenant.css">
            </head>
            <body>
            <a class="skip-link" href="#main">Skip to main content</a>
            <header class="banner"><p><span class="brand">Local tenant</span> <span class="tag">Development only</span></p></header>
            <main id="main" tabindex="-1">
            {body}
            </main>
            <footer class="footnote"><p>An Auth0-compatible tenant for development and tests. Nothing here is a real identity provider.</p>
            <nav aria-label="Tenant tools"><ul class="inline"><li><a href="/login/demo-accounts">Demo accounts</a></li><li><a href="/outbox">Outbox</a></li></ul></nav></footer>
            </body>
            </html>
            """), statusCode);

    /// <summary>A page with a heading and one paragraph, e.g. for refused requests.</summary>
    public static HtmlResult Message(string title, string message, int statusCode = StatusCodes.Status200OK, Markup extra = default)
        => Render(title, Html.Of($"""<section class="card"><h1>{title}</h1><p>{message}</p>{extra}</section>"""), statusCode);
}
