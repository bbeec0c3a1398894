namespace Profiles.LocalTenant.Login;

/// <summary><c>/tenant.css</c>: one small stylesheet for every tenant page (contrast ≥ 4.5:1, visible focus, reflow at 320 px).
/// Only logical properties (<c>inline-start</c>, <c>start</c>), so right-to-left pages are mirrored by <c>dir="rtl"</c> alone.</summary>
public static class TenantStylesheet
{
    public const string Css = """
        :root { color-scheme: light; --ink: #1b1f24; --muted: #4a5563; --accent: #0b57d0; --accent-ink: #ffffff; --error: #a4161a; --ok: #1e6b35; --line: #c4cbd4; --bg: #f4f6f9; --card: #ffffff; }
        * { box-sizing: border-box; }
        html { font-size: 100%; }
        body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; line-height: 1.5; color: var(--ink); background: var(--bg); }
        .visually-hidden { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
        .skip-link { position: absolute; inset-inline-start: -999px; top: 0; padding: .5rem 1rem; background: var(--card); color: var(--accent); }
        .skip-link:focus { inset-inline-start: 1rem; top: 1rem; z-index: 10; }
        .banner { padding: .75rem 1rem; background: var(--ink); color: #ffffff; }
        .banner p { margin: 0; max-width: 48rem; margin-inline: auto; }
        .brand { font-weight: 700; }
        .tag { display: inline-block; margin-inline-start: .5rem; padding: 0 .5rem; border-radius: .25rem; background: #ffd166; color: #1b1f24; font-size: .875rem; }
        main { max-width: 48rem; margin: 1.5rem auto; padding: 0 1rem; }
        main:focus { outline: none; }
        .card { background: var(--card); border: 1px solid var(--line); border-radius: .5rem; padding: 1.5rem; margin-bottom: 1.5rem; }
        h1 { font-size: 1.75rem; margin-top: 0; }
        h2 { font-size: 1.25rem; }
        label { display: block; font-weight: 600; margin-top: 1rem; }
        .checkbox label { display: inline; font-weight: 400; margin-inline-start: .25rem; }
        .hint { color: var(--muted); font-size: .9375rem; margin: .25rem 0 0; }
        input[type=email], input[type=password], input[type=text], input[type=url] { display: block; box-sizing: border-box; width: 100%; max-width: 28rem; padding: .625rem; font: inherit; border: 1px solid #6b7684; border-radius: .25rem; }
        input[aria-invalid=true] { border: 2px solid var(--error); }
        form > button { display: block; }
        ul.inline a { display: inline-block; min-height: 24px; padding: .25rem 0; }
        button, .button { display: inline-block; margin-top: 1.25rem; padding: .625rem 1.25rem; font: inherit; font-weight: 600; border-radius: .25rem; border: 2px solid var(--accent); background: var(--accent); color: var(--accent-ink); text-decoration: none; cursor: pointer; }
        button.secondary, .button.secondary { background: var(--card); color: var(--accent); }
        a { color: var(--accent); }
        a:focus-visible, button:focus-visible, input:focus-visible, .button:focus-visible { outline: 3px solid #1b1f24; outline-offset: 2px; box-shadow: 0 0 0 5px #ffffff; }
        .error { color: var(--error); font-weight: 600; border-inline-start: 4px solid var(--error); padding-inline-start: .75rem; }
        .reason { font-weight: 600; border-inline-start: 4px solid var(--accent); padding-inline-start: .75rem; }
        .demo-list { list-style: none; padding: 0; display: grid; gap: .75rem; }
        .demo-list li { border: 1px solid var(--line); border-radius: .375rem; padding: .75rem; }
        .demo-list dl { display: grid; grid-template-columns: max-content 1fr; gap: .125rem .75rem; margin: 0; }
        .demo-list dt { color: var(--muted); }
        .demo-list dd { margin: 0; overflow-wrap: anywhere; }
        .demo-list .button { margin-top: .5rem; }
        .success { color: var(--ok); font-weight: 600; border-inline-start: 4px solid var(--ok); padding-inline-start: .75rem; }
        ul.inline { list-style: none; padding: 0; margin: 1rem 0 0; display: flex; flex-wrap: wrap; gap: 1rem; }
        ul.plain { list-style: none; padding: 0; }
        .rules li.met::before { content: "✓ "; color: var(--ok); }
        .rules li.unmet::before { content: "✗ "; color: var(--error); }
        .table-wrap { overflow-x: auto; }
        table { border-collapse: collapse; width: 100%; }
        th, td { text-align: start; padding: .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
        code { font-size: .9375rem; word-break: break-all; }
        .footnote { max-width: 48rem; margin: 0 auto 2rem; padding: 0 1rem; color: var(--muted); font-size: .875rem; }
        @media (max-width: 30rem) { .card { padding: 1rem; } h1 { font-size: 1.5rem; } }
        @media (prefers-reduced-motion: reduce) { * { transition: none !important; } }
        """;
}
