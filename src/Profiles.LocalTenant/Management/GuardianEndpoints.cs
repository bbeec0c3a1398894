using System.Text.Json.Nodes;
using Profiles.LocalTenant.Data;
using Profiles.LocalTenant.Mfa;
using Profiles.LocalTenant.Outbox;
using Profiles.LocalTenant.Security;
using static Profiles.LocalTenant.Localization.TenantText;

namespace Profiles.LocalTenant.Management;

/// <summary>The older MFA endpoints: remove every authenticator, regenerate the recovery code, forget remembered browsers, and
/// Guardian enrolment tickets (a link to the tenant's hosted enrolment page).</summary>
internal static class GuardianEndpoints
{
    /// <summary>The ticket factors the hosted enrolment page handles.</summary>
    public const string OtpFactor = "otp";
    public const string PhoneFactor = "phone";
    public const string EmailFactor = "email";
    private static readonly string[] Factors = ["push-notification", "phone", "email", "otp", "webauthn-roaming", "webauthn-platform"];

    public static void Map(RouteGroupBuilder api)
    {
        // Auth0's 403 for this endpoint names remove:authenticators; its reference names delete:guardian_enrollments. Either works here.
        api.MapDelete("/users/{id}/authenticators", DeleteAuthenticators).RequireScopes("delete:guardian_enrollments", "remove:authenticators");
        api.MapPost("/users/{id}/recovery-code-regeneration", RegenerateRecoveryCode).RequireScopes("update:users");
        api.MapPost("/users/{id}/multifactor/actions/invalidate-remember-browser", InvalidateRememberBrowser).RequireScopes("update:users");
        api.MapPost("/guardian/enrollments/ticket", CreateTicketAsync).RequireScopes("create:guardian_enrollment_tickets");
    }

    /// <summary>Removes the user's MFA enrolments (TOTP, email, phone, recovery code); passkeys sign the user in and stay.</summary>
    private static IResult DeleteAuthenticators(string id, TenantStore store)
    {
        store.Write(w =>
        {
            if (w.FindUser(id) is null)
            {
                throw ManagementProblem.UserNotFound();
            }

            foreach (var method in MethodEnrollment.Methods(w, id).Where(m => m.Type != AuthenticationMethodTypes.Passkey).ToList())
            {
                w.Remove<TenantAuthenticationMethod>(method.Id);
            }
        });
        return ManagementResults.NoContent();
    }

    private static IResult RegenerateRecoveryCode(string id, TenantStore store)
    {
        var code = RecoveryCodes.New();
        store.Write(w =>
        {
            if (w.FindUser(id) is null)
            {
                throw ManagementProblem.UserNotFound();
            }

            var method = MethodEnrollment.Methods(w, id).FirstOrDefault(m => m.Type == AuthenticationMethodTypes.RecoveryCode)
                ?? throw new ManagementProblem(StatusCodes.Status404NotFound, "Enrollment not found.", "enrollment_not_found");
            method.RecoveryCodeHash = RecoveryCodes.Hash(code);
            w.Save(method);
        });
        return ManagementResults.Json(new JsonObject { ["recovery_code"] = code });
    }

    private static IResult InvalidateRememberBrowser(string id, TenantStore store)
    {
        store.Write(w =>
        {
            if (w.FindUser(id) is null)
            {
                throw ManagementProblem.UserNotFound();
            }

            RememberedBrowsers.Forget(w, id);
        });
        return ManagementResults.NoContent();
    }

    /// <summary><c>POST /guardian/enrollments/ticket</c>: 200 <c>{ticket_id, ticket_url}</c>; the URL lands on <c>/mfa/enrollment</c>,
    /// which enrols the ticket's factor: an authenticator app (<c>otp</c>, also without a factor), a phone for SMS codes or an
    /// email address. Single use, 5 days, like Auth0's.</summary>
    private static async Task<IResult> CreateTicketAsync(HttpContext context, TenantStore store, TicketIssuer tickets, TenantUrls urls, OutboxService outbox)
    {
        var body = await ManagementBody.ReadObjectAsync(context.Request, context.RequestAborted);
        ManagementBody.AllowOnly(body, "user_id", "email", "send_mail", "email_locale", "factor", "allow_multiple_enrollments");
        var userId = ManagementBody.OptionalString(body, "user_id") ?? throw ManagementProblem.Payload("Missing required property: user_id");
        var email = ManagementBody.OptionalString(body, "email");
        var sendMail = ManagementBody.OptionalBool(body, "send_mail") ?? false;
        ManagementBody.OptionalString(body, "email_locale");
        ManagementBody.OptionalBool(body, "allow_multiple_enrollments");
        var factor = ManagementBody.OptionalString(body, "factor");
        if (factor is not null && !Factors.Contains(factor, StringComparer.Ordinal))
        {
            throw ManagementProblem.Property("No enum match for: " + factor, "factor");
        }

        if (factor is not (null or OtpFactor or PhoneFactor or EmailFactor))
        {
            // The hosted page enrols authenticator apps, phones (SMS) and email addresses; push and security keys it cannot.
            throw ManagementProblem.InvalidBody("The local tenant's enrollment page supports the otp, phone and email factors only.");
        }

        var (ticket, to) = store.Write(w =>
        {
            var user = w.FindUser(userId) ?? throw ManagementProblem.UserNotFound();
            // Without a factor Auth0's page lets the user choose among the tenant's factors; this one enrols an authenticator app.
            return (tickets.Create(w, TenantTicket.MfaEnrollment, userId, null, clientId: ManagementCaller.Of(context).AuthorizedParty, factor: factor ?? OtpFactor),
                email ?? user.Email);
        });
        var url = $"{urls.BaseUrl}/mfa/enrollment?ticket={ticket.Id}";
        if (sendMail && to is not null)
        {
            outbox.Send(to, T("Email.Enroll.Subject"), T("Email.Enroll.Body", url), "mfa-enrollment");
        }

        return ManagementResults.Json(new JsonObject { ["ticket_id"] = ticket.Id, ["ticket_url"] = url });
    }
}
