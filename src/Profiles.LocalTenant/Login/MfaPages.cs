using Profiles.LocalTenant.Data;
using static Profiles.LocalTenant.Localization.TenantText;

namespace Profiles.LocalTenant.Login;

/// <summary>The second-factor challenge page and the page showing a new recovery code.</summary>
public static class MfaPages
{
    public static HtmlResult Challenge(Markup antiforgery, string state, TenantAuthenticationMethod method, IReadOnlyList<TenantAuthenticationMethod> others,
        string? error)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(others);
        var recovery = method.Type == AuthenticationMethodTypes.RecoveryCode;
        var intro = method.Type switch
        {
            AuthenticationMethodTypes.Email => T("Mfa.Email.Intro", MaskEmail(method.Email ?? "")),
            AuthenticationMethodTypes.Phone => T("Mfa.Phone.Intro", MaskPhone(method.PhoneNumber ?? "")),
            AuthenticationMethodTypes.RecoveryCode => T("Mfa.Recovery.Intro"),
            _ => T("Mfa.Totp.Intro"),
        };
        var invalid = error is not null;
        return PageLayout.Render(T("Mfa.Title"), Html.Of($"""
            <section class="card" aria-labelledby="mfa-heading">
            <h1 id="mfa-heading">{T("Mfa.Title")}</h1>
            <p id="mfa-intro">{intro}</p>
            <form method="post" action="/login/mfa">
            {antiforgery}{Html.Hidden("state", state)}{Html.Hidden("method_id", method.Id)}
            {Html.Error("mfa-error", error)}
            <label for="code">{(recovery ? T("Mfa.Field.RecoveryCode") : T("Mfa.Field.Code"))}</label>
            <input id="code" name="code" type="text" required spellcheck="false" {(recovery ? Html.Of($"""autocomplete="off" autocapitalize="characters" maxlength="40" """) : Html.Of($"""inputmode="numeric" autocomplete="one-time-code" maxlength="6" """))}aria-describedby="{(invalid ? "mfa-error mfa-intro" : "mfa-intro")}"{Html.When(invalid, Html.Of($""" aria-invalid="true" """))}>
            <div class="checkbox"><input id="remember" name="remember" type="checkbox" value="true"><label for="remember">{T("Mfa.Remember")}</label></div>
            <button type="submit">{T("Mfa.Submit")}</button>
            </form>
            {Alternatives(state, others)}
            </section>
            """), invalid ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
    }

    /// <summary>The passkey challenge: a button that asks the browser for the passkey (<c>/login/webauthn.js</c>), the answer posted
    /// in the hidden <c>credential</c> field.</summary>
    public static HtmlResult Passkey(Markup antiforgery, string state, TenantAuthenticationMethod method, IReadOnlyList<TenantAuthenticationMethod> others,
        string optionsJson, string? error)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(others);
        return PageLayout.Render(T("Mfa.Title"), Html.Of($"""
            <section class="card" aria-labelledby="mfa-heading">
            <h1 id="mfa-heading">{T("Mfa.Title")}</h1>
            <p id="mfa-intro">{T("Mfa.Passkey.Intro")}</p>
            <form method="post" action="/login/mfa">
            {antiforgery}{Html.Hidden("state", state)}{Html.Hidden("method_id", method.Id)}{Html.Hidden("credential", null)}
            {Html.Error("mfa-error", error)}
            <p class="error" role="alert" data-passkey-status hidden>{T("Mfa.Passkey.Failed")}</p>
            <div class="checkbox"><input id="remember" name="remember" type="checkbox" value="true"><label for="remember">{T("Mfa.Remember")}</label></div>
            <button type="button" data-passkey-options="{optionsJson}">{T("Mfa.Passkey.Button")}</button>
            </form>
            {Alternatives(state, others)}
            </section>
            <script src="{WebAuthnScript.Path}" defer></script>
            """), error is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }

    /// <summary>After a recovery code was used: the new code, once, and a button that finishes the sign-in.</summary>
    public static HtmlResult NewRecoveryCode(Markup antiforgery, string state, string code)
        => PageLayout.Render(T("Mfa.NewRecovery.Title"), Html.Of($"""
            <section class="card" aria-labelledby="recovery-heading">
            <h1 id="recovery-heading">{T("Mfa.NewRecovery.Title")}</h1>
            <p>{T("Mfa.NewRecovery.Text")}</p>
            <p><code id="recovery-code">{code}</code></p>
            <form method="post" action="/login/mfa/continue">
            {antiforgery}{Html.Hidden("state", state)}
            <button type="submit">{T("Action.Continue")}</button>
            </form>
            </section>
            """));

    private static Markup Alternatives(string state, IReadOnlyList<TenantAuthenticationMethod> others)
    {
        var stateQuery = "/login/mfa?state=" + Uri.EscapeDataString(state) + "&method=";
        return others.Count == 0 ? Markup.Empty : Html.Of($"""
            <h2>{T("Mfa.OtherMethods")}</h2>
            <ul class="plain">{others.Select(o => Html.Of($"""<li><a class="button secondary" href="{stateQuery + Uri.EscapeDataString(o.Id)}">{UseText(o.Type)}</a></li>"""))}</ul>
            """);
    }

    private static string UseText(string type) => type switch
    {
        AuthenticationMethodTypes.Email => T("Mfa.Use.Email"),
        AuthenticationMethodTypes.Phone => T("Mfa.Use.Phone"),
        AuthenticationMethodTypes.RecoveryCode => T("Mfa.Use.RecoveryCode"),
        AuthenticationMethodTypes.Passkey => T("Mfa.Use.Passkey"),
        _ => T("Mfa.Use.Totp"),
    };

    /// <summary><c>b•••@example.com</c>: enough to recognise the address, not to learn it.</summary>
    public static string MaskEmail(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at <= 0 ? "•••" : email[0] + "•••" + email[at..];
    }

    /// <summary>The last two digits only: <c>•••••67</c>.</summary>
    public static string MaskPhone(string phone)
    {
        ArgumentNullException.ThrowIfNull(phone);
        return phone.Length < 4 ? "•••" : "•••••" + phone[^2..];
    }
}
