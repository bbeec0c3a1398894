using Microsoft.AspNetCore.Antiforgery;
using Profiles.LocalTenant.Data;
using Profiles.LocalTenant.Management;
using Profiles.LocalTenant.Mfa;
using static Profiles.LocalTenant.Localization.TenantText;

namespace Profiles.LocalTenant.Login;

/// <summary><c>/mfa/enrollment?ticket=…</c>: where a Guardian enrolment ticket lands. It enrols an authenticator app for the ticket's
/// user, uses up the ticket, and offers the way back to the application that asked for it.</summary>
public static class EnrollmentEndpoints
{
    public static IResult Start(HttpContext context, IAntiforgery antiforgery, TenantStore store, MethodEnrollment enrollment, TimeProvider time, string? ticket)
    {
        var found = Live(store, time, ticket);
        if (found is null)
        {
            return EnrollmentPages.Invalid();
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
        if (found is null || started is null)
        {
            return EnrollmentPages.Invalid();
        }

        var (method, _) = enrollment.Verify(found.UserId, methodId, session, Forms.Field(form, "code"));
        if (method is null)
        {
            // A wrong code leaves the enrolment open: the same key is shown again.
            return EnrollmentPages.Totp(Forms.Antiforgery(antiforgery, context), found.Id, started.AuthSession, methodId,
                TotpCodes.BarcodeUri(enrollment.IssuerName(), found.UserEmail ?? found.UserId, started.TotpSecret!), started.TotpSecret!, T("Mfa.WrongCode"));
        }

        return Finish(store, found);
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
        return EnrollmentPages.Done(returnUrl);
    }

    private static Ticket? Live(TenantStore store, TimeProvider time, string? id)
    {
        var now = time.GetUtcNow();
        return id is null ? null : store.Read(d => d.Find<TenantTicket>(id) is { Kind: GuardianEndpoints.TicketKind, Used: false } t && t.ExpiresAt > now
            ? new Ticket(t.Id, t.UserId, t.ClientId, d.FindUser(t.UserId)?.Email)
            : null);
    }

    private sealed record Ticket(string Id, string UserId, string? ClientId, string? UserEmail);
}
