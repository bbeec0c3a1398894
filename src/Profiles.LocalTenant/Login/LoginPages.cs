using Profiles.LocalTenant.Security;
using Profiles.LocalTenant.Seed;
using static Profiles.LocalTenant.Localization.TenantText;

namespace Profiles.LocalTenant.Login;

/// <summary>The sign-in, sign-up and forgotten-password pages.</summary>
public static class LoginPages
{
    public static HtmlResult Chooser(Markup antiforgery, string state, string clientName, IReadOnlyList<ConnectionChoice> connections,
        IReadOnlyList<DemoAccount> demoAccounts, string? email, string? error, int statusCode, string? reason = null, string? password = null)
    {
        ArgumentNullException.ThrowIfNull(connections);
        var database = connections.FirstOrDefault(c => c.IsDatabase);
        var social = connections.Where(c => !c.IsDatabase).ToList();
        var stateQuery = "?state=" + Uri.EscapeDataString(state);
        var passwordForm = database is null ? Markup.Empty : Html.Of($"""
            <form method="post" action="/login/password">
            {antiforgery}{Html.Hidden("state", state)}
            {Html.Error("login-error", error)}
            <label for="email">{T("Field.Email")}</label>
            <input id="email" name="email" type="email" autocomplete="username" required value="{email}"{Html.Invalid("login-error", error is not null)}>
            <label for="password">{T("Field.Password")}</label>
            <input id="password" name="password" type="password" autocomplete="current-password" required value="{password}"{Html.Invalid("login-error", error is not null)}>
            <button type="submit">{T("Action.Continue")}</button>
            </form>
            <ul class="inline">
            <li><a href="/login/forgot{stateQuery}">{T("SignIn.ForgotLink")}</a></li>
            {Html.When(!database.SignupDisabled, Html.Of($"""<li>{T("SignIn.NoAccount")} <a href="/login/signup{stateQuery}">{T("Signup.Submit")}</a></li>"""))}
            </ul>
            """);
        var socialList = social.Count == 0 ? Markup.Empty : Html.Of($"""
            <h2>{(database is null ? T("SignIn.ChooseHow") : T("SignIn.OrContinueWith"))}</h2>
            <ul class="plain">{social.Select(c => Html.Of($"""<li><a class="button secondary" href="/login/social/{Uri.EscapeDataString(c.Name)}{stateQuery}">{T("SignIn.ContinueWith", c.DisplayName)}</a></li>"""))}</ul>
            """);
        return PageLayout.Render(T("SignIn.Title"), Html.Of($"""
            <section class="card" aria-labelledby="signin-heading">
            <h1 id="signin-heading">{T("SignIn.Title")}</h1>
            <p>{ToContinueTo(clientName)}</p>
            {Html.When(reason is not null, Html.Of($"<p class=\"reason\" id=\"login-reason\">{reason}</p>"))}
            {passwordForm}
            {socialList}
            </section>
            {DemoAccountsPanel.Render(demoAccounts, standalone: false, state)}
            """), statusCode);
    }

    public static HtmlResult Signup(Markup antiforgery, string state, string clientName, IReadOnlyList<PasswordRule> rules, bool showRuleStatus,
        string? email, string? error)
    {
        var invalid = error is not null;
        return PageLayout.Render(T("Signup.Submit"), Html.Of($"""
            <section class="card" aria-labelledby="signup-heading">
            <h1 id="signup-heading">{T("Signup.Heading")}</h1>
            <p>{ToContinueTo(clientName)}</p>
            <form method="post" action="/login/signup">
            {antiforgery}{Html.Hidden("state", state)}
            {Html.Error("signup-error", error)}
            <label for="email">{T("Field.Email")}</label>
            <input id="email" name="email" type="email" autocomplete="email" required value="{email}"{Html.Invalid("signup-error", invalid)}>
            <label for="password">{T("Field.Password")}</label>
            <input id="password" name="password" type="password" autocomplete="new-password" required aria-describedby="{(invalid ? "signup-error password-rules" : "password-rules")}"{Html.When(invalid, Html.Of($""" aria-invalid="true" """))}>
            {PasswordRulesList.Render("password-rules", rules, showRuleStatus)}
            <button type="submit">{T("Signup.Submit")}</button>
            </form>
            <p>{T("Signup.HaveAccount")} <a href="/login?state={state}">{T("SignIn.Title")}</a></p>
            </section>
            """), invalid ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
    }

    public static HtmlResult Forgot(Markup antiforgery, string? state, string? email, string? error)
        => PageLayout.Render(T("Forgot.Title"), Html.Of($"""
            <section class="card" aria-labelledby="forgot-heading">
            <h1 id="forgot-heading">{T("Forgot.Title")}</h1>
            <p id="forgot-intro">{T("Forgot.Intro")}</p>
            <form method="post" action="/login/forgot">
            {antiforgery}{Html.Hidden("state", state)}
            {Html.Error("forgot-error", error)}
            <label for="email">{T("Field.Email")}</label>
            <input id="email" name="email" type="email" autocomplete="email" required value="{email}"{Html.Invalid("forgot-error", error is not null)}>
            <button type="submit">{T("Forgot.Submit")}</button>
            </form>
            {BackToSignIn(state)}
            </section>
            """), error is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);

    public static HtmlResult ResetSent(string? state)
        => PageLayout.Render(T("ResetSent.Title"), Html.Of($"""
            <section class="card" aria-labelledby="sent-heading">
            <h1 id="sent-heading">{T("ResetSent.Title")}</h1>
            <p class="success" role="status">{T("ResetSent.Text")}</p>
            <p>{Html.Format(T("ResetSent.ReadInOutbox"), Html.Of($"""<a href="/outbox">{T("ResetSent.OutboxLink")}</a>"""))}</p>
            {BackToSignIn(state)}
            </section>
            """));

    public static HtmlResult Expired()
        => PageLayout.Message(T("Expired.Title"), T("Expired.Text"), StatusCodes.Status400BadRequest);

    private static Markup ToContinueTo(string clientName)
        => Html.Format(T("SignIn.ToContinueTo"), Html.Of($"<strong>{clientName}</strong>"));

    private static Markup BackToSignIn(string? state)
        => state is null ? Markup.Empty : Html.Of($"""<p><a href="/login?state={state}">{T("Forgot.BackToSignIn")}</a></p>""");
}
