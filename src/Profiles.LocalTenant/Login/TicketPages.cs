using Profiles.LocalTenant.Security;
using static Profiles.LocalTenant.Localization.TenantText;

namespace Profiles.LocalTenant.Login;

/// <summary>The pages behind emailed ticket links: password reset and email verification.</summary>
public static class TicketPages
{
    public static HtmlResult ResetForm(Markup antiforgery, string ticket, string? email, IReadOnlyList<PasswordRule> rules, bool showRuleStatus,
        string? error)
    {
        var invalid = error is not null;
        var describedBy = invalid ? "reset-error password-rules" : "password-rules";
        return PageLayout.Render(T("Reset.Title"), Html.Of($"""
            <section class="card" aria-labelledby="reset-heading">
            <h1 id="reset-heading">{T("Reset.Title")}</h1>
            {Html.When(email is not null, Html.Of($"""<p>{Html.Format(T("Reset.ForAccount"), Html.Of($"<strong>{email}</strong>"))}</p>"""))}
            <form method="post" action="/u/reset-password">
            {antiforgery}{Html.Hidden("ticket", ticket)}
            {Html.Error("reset-error", error)}
            <label for="password">{T("Reset.NewPassword")}</label>
            <input id="password" name="password" type="password" autocomplete="new-password" required aria-describedby="{describedBy}"{Html.When(invalid, Html.Of($""" aria-invalid="true" """))}>
            <label for="confirm">{T("Reset.ConfirmPassword")}</label>
            <input id="confirm" name="confirm" type="password" autocomplete="new-password" required{Html.Invalid("reset-error", invalid)}>
            {PasswordRulesList.Render("password-rules", rules, showRuleStatus)}
            <button type="submit">{T("Reset.Submit")}</button>
            </form>
            </section>
            """), invalid ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
    }

    public static HtmlResult ResetDone(string? resultUrl)
        => PageLayout.Message(T("Reset.Done.Title"), T("Reset.Done.Text"), StatusCodes.Status200OK,
            ContinueLink(resultUrl));

    public static HtmlResult Verified(string? resultUrl)
        => PageLayout.Message(T("Verified.Title"), T("Verified.Text"), StatusCodes.Status200OK,
            ContinueLink(resultUrl));

    public static HtmlResult Unblocked()
        => PageLayout.Message(T("Unblocked.Title"), T("Unblocked.Text"));

    public static HtmlResult Invalid()
        => PageLayout.Message(T("Ticket.Invalid.Title"), T("Ticket.Invalid.Text"),
            StatusCodes.Status400BadRequest);

    private static Markup ContinueLink(string? resultUrl)
        => resultUrl is null ? Markup.Empty : Html.Of($"""<p><a class="button" href="{resultUrl}">{T("Ticket.Continue")}</a></p>""");
}
