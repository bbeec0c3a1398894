using Profiles.LocalTenant.Security;
using Profiles.LocalTenant.Seed;

namespace Profiles.LocalTenant.Login;

/// <summary>The sign-in, sign-up and forgotten-password pages.</summary>
public static class LoginPages
{
    public static HtmlResult Chooser(Markup antiforgery, string state, string clientName, IReadOnlyList<ConnectionChoice> connections,
        IReadOnlyList<DemoAccount> demoAccounts, string? email, string? error)
    {
        ArgumentNullException.ThrowIfNull(connections);
        var database = connections.FirstOrDefault(c => c.IsDatabase);
        var social = connections.Where(c => !c.IsDatabase).ToList();
        var stateQuery = "?state=" + Uri.EscapeDataString(state);
        var passwordForm = database is null ? Markup.Empty : Html.Of($"""
            <form method="post" action="/login/password">
            {antiforgery}{Html.Hidden("state", state)}
            {Html.Error("login-error", error)}
            <label for="email">Email address</label>
            <input id="email" name="email" type="email" autocomplete="username" required value="{email}"{Html.Invalid("login-error", error is not null)}>
            <label for="password">Password</label>
            <input id="password" name="password" type="password" autocomplete="current-password" required{Html.Invalid("login-error", error is not null)}>
            <button type="submit">Continue</button>
            </form>
            <ul class="inline">
            <li><a href="/login/forgot{stateQuery}">Forgot password?</a></li>
            {Html.When(!database.SignupDisabled, Html.Of($"""<li>Don't have an account? <a href="/login/signup{stateQuery}">Sign up</a></li>"""))}
            </ul>
            """);
        var socialList = social.Count == 0 ? Markup.Empty : Html.Of($"""
            <h2>{(database is null ? "Choose how to sign in" : "Or continue with")}</h2>
            <ul class="plain">{social.Select(c => Html.Of($"""<li><a class="button secondary" href="/login/social/{Uri.EscapeDataString(c.Name)}{stateQuery}">Continue with {c.DisplayName}</a></li>"""))}</ul>
            """);
        return PageLayout.Render("Sign in", Html.Of($"""
            <section class="card" aria-labelledby="signin-heading">
            <h1 id="signin-heading">Sign in</h1>
            <p>to continue to <strong>{clientName}</strong></p>
            {passwordForm}
            {socialList}
            </section>
            {DemoAccountsPanel.Render(demoAccounts, standalone: false)}
            """), error is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }

    public static HtmlResult Signup(Markup antiforgery, string state, string clientName, IReadOnlyList<PasswordRule> rules, bool showRuleStatus,
        string? email, string? error)
    {
        var invalid = error is not null;
        return PageLayout.Render("Sign up", Html.Of($"""
            <section class="card" aria-labelledby="signup-heading">
            <h1 id="signup-heading">Create your account</h1>
            <p>to continue to <strong>{clientName}</strong></p>
            <form method="post" action="/login/signup">
            {antiforgery}{Html.Hidden("state", state)}
            {Html.Error("signup-error", error)}
            <label for="email">Email address</label>
            <input id="email" name="email" type="email" autocomplete="email" required value="{email}"{Html.Invalid("signup-error", invalid)}>
            <label for="password">Password</label>
            <input id="password" name="password" type="password" autocomplete="new-password" required aria-describedby="{(invalid ? "signup-error password-rules" : "password-rules")}"{Html.When(invalid, Html.Of($""" aria-invalid="true" """))}>
            {PasswordRulesList.Render("password-rules", rules, showRuleStatus)}
            <button type="submit">Sign up</button>
            </form>
            <p>Already have an account? <a href="/login?state={state}">Sign in</a></p>
            </section>
            """), invalid ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
    }

    public static HtmlResult Forgot(Markup antiforgery, string? state, string? email, string? error)
        => PageLayout.Render("Forgot your password?", Html.Of($"""
            <section class="card" aria-labelledby="forgot-heading">
            <h1 id="forgot-heading">Forgot your password?</h1>
            <p id="forgot-intro">Enter your email address and we will send you a link to choose a new password.</p>
            <form method="post" action="/login/forgot">
            {antiforgery}{Html.Hidden("state", state)}
            {Html.Error("forgot-error", error)}
            <label for="email">Email address</label>
            <input id="email" name="email" type="email" autocomplete="email" required value="{email}"{Html.Invalid("forgot-error", error is not null)}>
            <button type="submit">Send reset link</button>
            </form>
            {BackToSignIn(state)}
            </section>
            """), error is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);

    public static HtmlResult ResetSent(string? state)
        => PageLayout.Render("Check your email", Html.Of($"""
            <section class="card" aria-labelledby="sent-heading">
            <h1 id="sent-heading">Check your email</h1>
            <p class="success" role="status">{Authentication.DbConnectionsEndpoints.ResetRequestedText}</p>
            <p>This tenant does not send real email: open the <a href="/outbox">outbox</a> to read it.</p>
            {BackToSignIn(state)}
            </section>
            """));

    public static HtmlResult Expired()
        => PageLayout.Message("Sign-in expired",
            "This sign-in page has expired or was already used. Go back to the application and sign in again.", StatusCodes.Status400BadRequest);

    private static Markup BackToSignIn(string? state)
        => state is null ? Markup.Empty : Html.Of($"""<p><a href="/login?state={state}">Back to sign in</a></p>""");
}
