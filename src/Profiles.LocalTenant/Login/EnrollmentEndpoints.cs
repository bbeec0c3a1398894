using Microsoft.AspNetCore.Antiforgery;
using Profiles.LocalTenant.Data;
using Profiles.LocalTenant.Management;
using Profiles.LocalTenant.Mfa;
using static Profiles.LocalTenant.Localization.TenantText;

namespace Profiles.LocalTenant.Login;

/// <summary><c>/mfa/enrollment?ticket=…</c>: where a Guardian enrolment ticket lands. It enrols the ticket's factor for the ticket's
/// user (an authenticator app; or a phone number or email address that proves itself with a code sent to the outbox), uses up the
/// ticket, and offers the way back to the application that asked for it.</summary>
public static class EnrollmentEndpoints
{
    /// <summary>Wrong codes before an enrolment must start again (as many as the sign-in's second-factor page allows).</summary>
    public const int MaxWrongCodes = MfaEndpoints.MaxFailures;

    public static IResult Start(HttpContext context, IAntiforgery antiforgery, TenantStore store, MethodEnrollment enrollment, TimeProvider time, string? ticket)
    {
        var found = Live(store, time, ticket);
        if (found is null)
        {
            return EnrollmentPages.Invalid();
        }

        if (found.Type is AuthenticationMethodTypes.Phone or AuthenticationMethodTypes.Email)
        {
            // The address is asked first; the code goes to it once the user sends the form.
            return EnrollmentPages.Address(Forms.Antiforgery(antiforgery, context), found.Id, found.Type,
                found.Type == AuthenticationMethodTypes.Email ? found.UserEmail : null, null);
        }

        var (started, failure) = enrollment.Start(found.UserId, AuthenticationMethodTypes.Totp);
        if (started is null)
        {
            // Already enrolled: nothing left to do with this ticket.
            return failure == EnrollmentFailure.AlreadyEnrolled ? Finish(store, found) : EnrollmentPages.Invalid();
        }

        return EnrollmentPages.Totp(Forms.Antiforgery(antiforgery, context), found.Id, started.Pending.AuthSession, started.Pending.MethodId,
            started.BarcodeUri!, started.ManualInputCode!, null);
    }

    /// <summary><c>POST /mfa/enrollment/send</c>: checks the phone number (E.164) or email address and sends it a one-time code.</summary>
    public static async Task<IResult> SendAsync(HttpContext context, IAntiforgery antiforgery, TenantStore store, MethodEnrollment enrollment, TimeProvider time)
    {
        var read = await Forms.ReadValidatedAsync(antiforgery, context);
        if (!Forms.Accept(read, out var form, out var refusal))
        {
            return refusal;
        }

        var found = Live(store, time, Forms.Field(form, "ticket"));
        if (found is not { Type: AuthenticationMethodTypes.Phone or AuthenticationMethodTypes.Email })
        {
            return EnrollmentPages.Invalid();
        }

        var email = found.Type == AuthenticationMethodTypes.Email;
        var address = Forms.Field(form, email ? "email" : "phone_number")?.Trim();
        var (started, _) = address is null || (email && !UserAttributeRules.IsEmail(address))
            ? (null, EnrollmentFailure.InvalidField)
            : enrollment.Start(found.UserId, found.Type, email: email ? address : null, phoneNumber: email ? null : address);
        if (started is null)
        {
            return EnrollmentPages.Address(Forms.Antiforgery(antiforgery, context), found.Id, found.Type, address,
                T(email ? "Enroll.Email.Invalid" : "Enroll.Phone.Invalid"));
        }

        return EnrollmentPages.Code(Forms.Antiforgery(antiforgery, context), found.Id, started.Pending, null);
    }

    public static async Task<IResult> ConfirmAsync(HttpContext context, IAntiforgery antiforgery, TenantStore store, MethodEnrollment enrollment,
        PendingEnrollments pending, TimeProvider time)
    {
        var read = await Forms.ReadValidatedAsync(antiforgery, context);
        if (!Forms.Accept(read, out var form, out var refusal))
        {
            return refusal;
        }

        var found = Live(store, time, Forms.Field(form, "ticket"));
        var session = Forms.Field(form, "auth_session");
        var methodId = Forms.Field(form, "method_id") ?? "";
        var started = found is null ? null : pending.Find(session, found.UserId, methodId);
        if (found is null || started is null || started.Type != found.Type)
        {
            return EnrollmentPages.Invalid();
        }

        var (method, _) = enrollment.Verify(found.UserId, methodId, session, Forms.Field(form, "code"));
        if (method is null)
        {
            return WrongCode(Forms.Antiforgery(antiforgery, context), store, enrollment, pending, found, started);
        }

        return Finish(store, found);
    }

    /// <summary>A wrong code leaves the enrolment open (the same key, or the code already sent, stays good) up to
    /// <see cref="MaxWrongCodes"/>; then it ends: a new key, or the address again to send a new code.</summary>
    private static HtmlResult WrongCode(Markup antiforgery, TenantStore store, MethodEnrollment enrollment, PendingEnrollments pending, Ticket found,
        PendingEnrollment started)
    {
        var ended = pending.RecordWrongCode(started.AuthSession, MaxWrongCodes);
        if (started.Type != AuthenticationMethodTypes.Totp)
        {
            return ended
                ? EnrollmentPages.Address(antiforgery, found.Id, found.Type, started.Email ?? started.PhoneNumber, T("Enroll.TooManyWrongCodes"), valueRefused: false)
                : EnrollmentPages.Code(antiforgery, found.Id, started, T("Mfa.WrongCode"));
        }

        if (!ended)
        {
            return EnrollmentPages.Totp(antiforgery, found.Id, started.AuthSession, started.MethodId,
                TotpCodes.BarcodeUri(enrollment.IssuerName(), found.UserEmail ?? found.UserId, started.TotpSecret!), started.TotpSecret!, T("Mfa.WrongCode"));
        }

        var (restarted, failure) = enrollment.Start(found.UserId, AuthenticationMethodTypes.Totp);
        return restarted is null
            ? failure == EnrollmentFailure.AlreadyEnrolled ? Finish(store, found) : EnrollmentPages.Invalid()
            : EnrollmentPages.Totp(antiforgery, found.Id, restarted.Pending.AuthSession, restarted.Pending.MethodId, restarted.BarcodeUri!,
                restarted.ManualInputCode!, T("Enroll.TooManyWrongCodes.Totp"));
    }

    private static HtmlResult Finish(TenantStore store, Ticket found)
    {
        var returnUrl = store.Write(w =>
        {
            if (w.Find<TenantTicket>(found.Id) is { } ticket)
            {
                ticket.Used = true;
                w.Save(ticket);
            }

            return found.ClientId is null ? null : w.FindClient(found.ClientId)?.AllowedLogoutUrls.FirstOrDefault();
        });
        return EnrollmentPages.Done(found.Type, returnUrl);
    }

    private static Ticket? Live(TenantStore store, TimeProvider time, string? id)
    {
        var now = time.GetUtcNow();
        return id is null ? null : store.Read(d => d.Find<TenantTicket>(id) is { Kind: TenantTicket.MfaEnrollment, Used: false } t && t.ExpiresAt > now
            ? new Ticket(t.Id, t.UserId, t.ClientId, d.FindUser(t.UserId)?.Email, MethodType(t.Factor))
            : null);
    }

    /// <summary>The authentication method a ticket factor enrols (tickets from before factors were kept enrol an authenticator app).</summary>
    private static string MethodType(string? factor) => factor switch
    {
        GuardianEndpoints.PhoneFactor => AuthenticationMethodTypes.Phone,
        GuardianEndpoints.EmailFactor => AuthenticationMethodTypes.Email,
        _ => AuthenticationMethodTypes.Totp,
    };

    /// <param name="Type">The authentication method type the ticket enrols.</param>
    private sealed record Ticket(string Id, string UserId, string? ClientId, string? UserEmail, string Type);
}
