using static Profiles.LocalTenant.Localization.TenantText;

namespace Profiles.LocalTenant.Login;

/// <summary>The emulated social provider's page: pick an identity it already knows, or describe a new one.</summary>
public static class SocialPage
{
    public static HtmlResult Render(Markup antiforgery, string state, string connection, string displayName, IReadOnlyList<SocialProfile> known,
        string suggestedId, SocialProfile? entered, string? error)
    {
        ArgumentNullException.ThrowIfNull(known);
        var action = "/login/social/" + Uri.EscapeDataString(connection);
        var choices = known.Count == 0
            ? Html.Of($"""<p>{T("Social.NoAccounts", displayName)}</p>""")
            : Html.Of($"""<ul class="plain">{known.Select(p => Html.Of($"""
                <li><form method="post" action="{action}">
                {antiforgery}{Html.Hidden("state", state)}{Html.Hidden("user_id", p.ProviderUserId)}{Html.Hidden("email", p.Email)}{Html.Hidden("email_verified", p.EmailVerified ? "true" : "false")}{Html.Hidden("name", p.Name)}{Html.Hidden("given_name", p.GivenName)}{Html.Hidden("family_name", p.FamilyName)}{Html.Hidden("nickname", p.Nickname)}{Html.Hidden("picture", p.Picture)}
                <button class="secondary" type="submit">{(p.Email is null ? T("Social.ContinueAs", p.Name ?? p.ProviderUserId) : T("Social.ContinueAsWithEmail", p.Name ?? p.ProviderUserId, p.Email))}</button>
                </form></li>
                """))}</ul>""");
        var invalid = error is not null;
        var verified = entered?.EmailVerified ?? true;
        return PageLayout.Render(T("Social.Title", displayName), Html.Of($"""
            <section class="card" aria-labelledby="social-heading">
            <h1 id="social-heading">{T("Social.Title", displayName)}</h1>
            <p class="hint">{T("Social.StandsIn", displayName)}</p>
            <h2>{T("Social.ChooseAccount")}</h2>
            {choices}
            <h2>{T("Social.OtherAccount")}</h2>
            <form method="post" action="{action}">
            {antiforgery}{Html.Hidden("state", state)}
            {Html.Error("social-error", error)}
            <label for="user_id">{T("Social.UserId")}</label>
            <p class="hint" id="user_id-hint">{T("Social.UserIdHint", displayName)}</p>
            <input id="user_id" name="user_id" type="text" required value="{entered?.ProviderUserId ?? suggestedId}" aria-describedby="{(invalid ? "social-error user_id-hint" : "user_id-hint")}"{Html.When(invalid, Html.Of($""" aria-invalid="true" """))}>
            <label for="email">{T("Field.Email")}</label>
            <input id="email" name="email" type="email" autocomplete="email" value="{entered?.Email}">
            <div class="checkbox"><input id="email_verified" name="email_verified" type="checkbox" value="true"{Html.When(verified, Html.Of($""" checked"""))}><label for="email_verified">{T("Social.EmailVerified", displayName)}</label></div>
            <label for="name">{T("Social.FullName")}</label>
            <input id="name" name="name" type="text" autocomplete="name" value="{entered?.Name}">
            <label for="given_name">{T("Social.GivenName")}</label>
            <input id="given_name" name="given_name" type="text" autocomplete="given-name" value="{entered?.GivenName}">
            <label for="family_name">{T("Social.FamilyName")}</label>
            <input id="family_name" name="family_name" type="text" autocomplete="family-name" value="{entered?.FamilyName}">
            <button type="submit">{T("Action.Continue")}</button>
            </form>
            <p><a href="/login?state={state}">{T("Social.Back")}</a></p>
            </section>
            """), invalid ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
    }
}
