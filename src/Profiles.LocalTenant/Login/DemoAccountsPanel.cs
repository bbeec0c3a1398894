using Profiles.LocalTenant.Seed;

namespace Profiles.LocalTenant.Login;

/// <summary>The seed's demo accounts with their passwords: shown on the login page and at <c>/login/demo-accounts</c>.</summary>
public static class DemoAccountsPanel
{
    public static Markup Render(IReadOnlyList<DemoAccount> accounts, bool standalone)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        var rows = accounts.Select(a => Html.Of($"""
            <tr><td>{a.Email ?? "(no email)"}</td><td>{Password(a)}</td><td>{a.Connection}</td><td>{a.Description}</td></tr>
            """));
        var heading = standalone
            ? Html.Of($"""<h1 id="demo-heading">Demo accounts</h1>""")
            : Html.Of($"""<h2 id="demo-heading">Demo accounts</h2>""");
        return Html.Of($"""
            <section class="card" aria-labelledby="demo-heading">
            {heading}
            <p>These accounts come from the tenant's seed file. They are for development and tests only: the passwords are public, so never use them anywhere else.</p>
            <div class="table-wrap" role="region" aria-labelledby="demo-heading" tabindex="0"><table>
            <thead><tr><th scope="col">Email</th><th scope="col">Password</th><th scope="col">Connection</th><th scope="col">What it shows</th></tr></thead>
            <tbody>{rows}</tbody>
            </table></div>
            </section>
            """);
    }

    private static Markup Password(DemoAccount account)
        => account.Password is null
            ? Html.Of($"""No password: choose it on the {account.Connection} page""")
            : Html.Of($"""<code>{account.Password}</code>""");
}
