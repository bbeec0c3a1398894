using Profiles.LocalTenant.Data;
using Profiles.LocalTenant.Mfa;
using static Profiles.LocalTenant.Localization.TenantText;

namespace Profiles.LocalTenant.Login;

/// <summary>The hosted enrolment page behind a Guardian enrolment ticket: add the account to an authenticator app, or give a phone
/// number or email address; then confirm a code.</summary>
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

    /// <summary>Asks for the phone number (<paramref name="type"/> <c>phone</c>, E.164) or email address the codes go to;
    /// <paramref name="error"/> shows next to the field with what was typed, which it marks invalid unless
    /// <paramref name="valueRefused"/> is false (the address was fine, the codes sent to it were not).</summary>
    public static HtmlResult Address(Markup antiforgery, string ticket, string type, string? value, string? error, bool valueRefused = true)
    {
        var email = type == AuthenticationMethodTypes.Email;
        var invalid = error is not null && valueRefused;
        var field = email
            ? Html.Of($"""
                <label for="email">{T("Field.Email")}</label>
                <input id="email" name="email" type="email" autocomplete="email" maxlength="254" required spellcheck="false" value="{value}" aria-describedby="{(error is not null ? "enroll-error enroll-intro" : "enroll-intro")}"{Html.When(invalid, Html.Of($""" aria-invalid="true" """))}>
                """)
            : Html.Of($"""
                <label for="phone_number">{T("Enroll.Phone.Field")}</label>
                <input id="phone_number" name="phone_number" type="tel" autocomplete="tel" maxlength="16" required spellcheck="false" value="{value}" aria-describedby="{(error is not null ? "enroll-error enroll-intro" : "enroll-intro")}"{Html.When(invalid, Html.Of($""" aria-invalid="true" """))}>
                """);
        return PageLayout.Render(T("Enroll.Title"), Html.Of($"""
            <section class="card" aria-labelledby="enroll-heading">
            <h1 id="enroll-heading">{T("Enroll.Title")}</h1>
            <form method="post" action="/mfa/enrollment/send">
            {antiforgery}{Html.Hidden("ticket", ticket)}
            <p id="enroll-intro">{T(email ? "Enroll.Email.Intro" : "Enroll.Phone.Intro")}</p>
            {Html.Error("enroll-error", error)}
            {field}
            <button type="submit">{T("Enroll.Send")}</button>
            </form>
            </section>
            """), error is not null ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
    }

    /// <summary>Asks for the code sent to the phone number or email address of <paramref name="pending"/>.</summary>
    public static HtmlResult Code(Markup antiforgery, string ticket, PendingEnrollment pending, string? error)
    {
        ArgumentNullException.ThrowIfNull(pending);
        var invalid = error is not null;
        var intro = pending.Type == AuthenticationMethodTypes.Email ? T("Mfa.Email.Intro", pending.Email ?? "") : T("Mfa.Phone.Intro", pending.PhoneNumber ?? "");
        return PageLayout.Render(T("Enroll.Title"), Html.Of($"""
            <section class="card" aria-labelledby="enroll-heading">
            <h1 id="enroll-heading">{T("Enroll.Title")}</h1>
            <form method="post" action="/mfa/enrollment">
            {antiforgery}{Html.Hidden("ticket", ticket)}{Html.Hidden("auth_session", pending.AuthSession)}{Html.Hidden("method_id", pending.MethodId)}
            <p id="enroll-confirm">{intro}</p>
            {Html.Error("enroll-error", error)}
            <label for="code">{T("Mfa.Field.Code")}</label>
            <input id="code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code" maxlength="6" required spellcheck="false" aria-describedby="{(invalid ? "enroll-error enroll-confirm" : "enroll-confirm")}"{Html.When(invalid, Html.Of($""" aria-invalid="true" """))}>
            <button type="submit">{T("Mfa.Submit")}</button>
            </form>
            <p>{Html.Format(T("ResetSent.ReadInOutbox"), Html.Of($"""<a href="/outbox">{T("ResetSent.OutboxLink")}</a>"""))}</p>
            </section>
            """), invalid ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
    }

    /// <summary>The enrolment is done: what the user will be asked for at sign-in, and the way back to the application.</summary>
    public static HtmlResult Done(string type, string? returnUrl)
        => PageLayout.Message(T("Enroll.Done.Title"), T(type switch
        {
            AuthenticationMethodTypes.Phone => "Enroll.Done.Phone",
            AuthenticationMethodTypes.Email => "Enroll.Done.Email",
            _ => "Enroll.Done.Text",
        }), StatusCodes.Status200OK,
            returnUrl is null ? Markup.Empty : Html.Of($"""<p><a class="button" href="{returnUrl}">{T("Enroll.Return")}</a></p>"""));

    public static HtmlResult Invalid()
        => PageLayout.Message(T("Enroll.InvalidTicket.Title"), T("Enroll.InvalidTicket.Text"), StatusCodes.Status400BadRequest);
}
