using Profiles.LocalTenant.Security;

namespace Profiles.LocalTenant.Login;

/// <summary>The pages behind emailed ticket links: password reset and email verification.</summary>
public static class TicketPages
{
    public static HtmlResult ResetForm(Markup antiforgery, string ticket, string? email, IReadOnlyList<PasswordRule> rules, bool showRuleStatus,
        string? error)
    {
        var invalid = error is not null;
        var describedBy = invalid ? "reset-error password-rules" : "password-rules";
        return PageLayout.Render("Change your password", Html.Of($"""
            <section class="card" aria-labelledby="reset-heading">
            <h1 id="reset-heading">Change your password</h1>
            {Html.When(email is not null, Html.Of($"""<p>for <strong>{email}</strong></p>"""))}
            <form method="post" action="/u/reset-password">
            {antiforgery}{Html.Hidden("ticket", ticket)}
            {Html.Error("reset-error", error)}
            <label for="password">New password</label>
            <input id="password" name="password" type="password" autocomplete="new-password" required aria-describedby="{describedBy}"{Html.When(invalid, Html.Of($""" aria-invalid="true" """))}>
            <label for="confirm">Confirm new password</label>
            <input id="confirm" name="confirm" type="password" autocomplete="new-password" required{Html.Invalid("reset-error", invalid)}>
            {PasswordRulesList.Render("password-rules", rules, showRuleStatus)}
            <button type="submit">Reset password</button>
            </form>
            </section>
            """), invalid ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
    }

    public static HtmlResult ResetDone(string? resultUrl)
        => PageLayout.Message("Password changed", "Your password has been changed. Sign in again with your new password.", StatusCodes.Status200OK,
            ContinueLink(resultUrl));

    public static HtmlResult Verified(string? resultUrl)
        => PageLayout.Message("Email verified", "Your email address was verified. You can continue using the application.", StatusCodes.Status200OK,
            ContinueLink(resultUrl));

    public static HtmlResult Invalid()
        => PageLayout.Message("Link expired", "This link has expired or was already used. Ask for a new one from the application.",
            StatusCodes.Status400BadRequest);

    private static Markup ContinueLink(string? resultUrl)
        => resultUrl is null ? Markup.Empty : Html.Of($"""<p><a class="button" href="{resultUrl}">Continue to the application</a></p>""");
}
