using Profiles.LocalTenant.Data;
using Profiles.LocalTenant.Seed;
using static Profiles.LocalTenant.Localization.TenantText;

namespace Profiles.LocalTenant.Login;

/// <summary>The seed's demo accounts with their passwords: shown on the login page and at <c>/login/demo-accounts</c>.</summary>
public static class DemoAccountsPanel
{
    /// <summary>One entry per account (readable on a phone, unlike a four-column table). On the login page
    /// (<paramref name="state"/> set) each database account with a password has a link that fills the sign-in form with it:
    /// a plain link, so it works without JavaScript.</summary>
    public static Markup Render(IReadOnlyList<DemoAccount> accounts, bool standalone, string? state = null)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        var rows = accounts.Select(a => Html.Of($"""
            <li><dl><dt>{T("Demo.Email")}</dt><dd>{a.Email ?? T("Demo.NoEmail")}</dd><dt>{T("Field.Password")}</dt><dd>{Password(a)}</dd><dt>{T("Demo.Connection")}</dt><dd>{a.Connection}</dd><dt>{T("Demo.Shows")}</dt><dd>{a.Description}</dd>{SecondFactors(a)}</dl>
            {Html.When(state is not null && a.Email is not null && a.Password is not null, Html.Of($"""<a class="button secondary" href="/login?state={Uri.EscapeDataString(state ?? "")}&amp;demo={Uri.EscapeDataString(a.Email ?? "")}">{T("Demo.Fill", a.Email ?? "")}</a>"""))}</li>
            """));
        var heading = standalone
            ? Html.Of($"""<h1 id="demo-heading">{T("Demo.Heading")}</h1>""")
            : Html.Of($"""<h2 id="demo-heading">{T("Demo.Heading")}</h2>""");
        return Html.Of($"""
            <section class="card" aria-labelledby="demo-heading">
            {heading}
            <p>{T("Demo.Intro")}</p>
            <ul class="demo-list">{rows}</ul>
            </section>
            """);
    }

    /// <summary>The demo account a "fill the form" link named, if it is one with a password.</summary>
    public static DemoAccount? Find(IReadOnlyList<DemoAccount> accounts, string? email)
        => email is null ? null : accounts?.FirstOrDefault(a => a.Password is not null && string.Equals(a.Email, email, StringComparison.OrdinalIgnoreCase));

    /// <summary>What the sign-in asks after the password, and where its code arrives (the outbox).</summary>
    private static Markup SecondFactors(DemoAccount account)
    {
        var outbox = Html.Of($"""<a href="/outbox">{T("ResetSent.OutboxLink")}</a>""");
        var items = account.SecondFactors.Select(f => Html.Of($"""<dt>{T("Demo.SecondFactor")}</dt><dd>{Html.Format(
            T(f.Type == AuthenticationMethodTypes.Phone ? "Demo.SecondFactor.Phone" : "Demo.SecondFactor.Email"),
            Html.Of($"{(f.Type == AuthenticationMethodTypes.Phone ? f.PhoneNumber : f.Email)}"), outbox)}</dd>"""));
        return Html.Of($"{items}");
    }

    private static Markup Password(DemoAccount account)
        => account.Password is null
            ? Html.Of($"""{T("Demo.NoPassword", account.Connection)}""")
            : Html.Of($"""<code>{account.Password}</code>""");
}
