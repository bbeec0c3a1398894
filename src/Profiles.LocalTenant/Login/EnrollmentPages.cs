using static Profiles.LocalTenant.Localization.TenantText;

namespace Profiles.LocalTenant.Login;

/// <summary>The hosted enrolment page behind a Guardian enrolment ticket: add the account to an authenticator app, confirm a code.</summary>
public static class EnrollmentPages
{
    public static HtmlResult Totp(Markup antiforgery, string ticket, string authSession, string methodId, string barcodeUri, string secret, string? error)
    {
        var invalid = error is not null;
        return PageLayout.Render(T("Enroll.Title"), Html.Of($"""
            <section class="card" aria-labelledby="enroll-heading">
            <h1 id="enroll-heading">{T("Enroll.Title")}</h1>
            <p>{T("Enroll.Scan")}</p>
            <p><a class="button secondary" href="{barcodeUri}">{T("Enroll.AppLink")}</a></p>
            <p>{T("Enroll.Key")}: <code id="totp-key">{secret}</code></p>
            <form method="post" action="/mfa/enrollment">
            {antiforgery}{Html.Hidden("ticket", ticket)}{Html.Hidden("auth_session", authSession)}{Html.Hidden("method_id", methodId)}
            {Html.Error("enroll-error", error)}
            <p id="enroll-confirm">{T("Enroll.Confirm")}</p>
            <label for="code">{T("Mfa.Field.Code")}</label>
            <input id="code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code" maxlength="6" required spellcheck="false" aria-describedby="{(invalid ? "enroll-error enroll-confirm" : "enroll-confirm")}"{Html.When(invalid, Html.Of($""" aria-invalid="true" """))}>
            <button type="submit">{T("Mfa.Submit")}</button>
            </form>
            </section>
            """), invalid ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
    }

    public static HtmlResult Done(string? returnUrl)
        => PageLayout.Message(T("Enroll.Done.Title"), T("Enroll.Done.Text"), StatusCodes.Status200OK,
            returnUrl is null ? Markup.Empty : Html.Of($"""<p><a class="button" href="{returnUrl}">{T("Enroll.Return")}</a></p>"""));

    public static HtmlResult Invalid()
        => PageLayout.Message(T("Enroll.InvalidTicket.Title"), T("Enroll.InvalidTicket.Text"), StatusCodes.Status400BadRequest);
}
