using Microsoft.AspNetCore.Antiforgery;
using Profiles.LocalTenant.Data;
using Profiles.LocalTenant.Logs;
using Profiles.LocalTenant.Security;
using static Profiles.LocalTenant.Localization.TenantText;

namespace Profiles.LocalTenant.Login;

/// <summary><c>/u/reset-password</c>, <c>/u/email-verification</c> and <c>/u/unblock</c>: the targets of emailed ticket links.</summary>
public static class TicketEndpoints
{
    private const int KeptPasswordHashes = 10;

    public static IResult ResetForm(HttpContext context, IAntiforgery antiforgery, TenantStore store, TimeProvider time, string? ticket)
    {
        var target = LoadReset(store, time, ticket);
        if (target is null)
        {
            return TicketPages.Invalid();
        }

        var rules = PasswordPolicyChecker.Check(target.Policy, "").Rules;
        return TicketPages.ResetForm(Forms.Antiforgery(antiforgery, context), target.TicketId, target.Email, rules, false, null);
    }

    public static async Task<IResult> ResetAsync(HttpContext context, IAntiforgery antiforgery, TenantStore store, TimeProvider time, TenantLogs logs)
    {
        var read = await Forms.ReadValidatedAsync(antiforgery, context);
        if (!Forms.Accept(read, out var form, out var refusal))
        {
            return refusal;
        }

        var target = LoadReset(store, time, Forms.Field(form, "ticket"));
        if (target is null)
        {
            return TicketPages.Invalid();
        }

        var password = form["password"].ToString();
        var confirm = form["confirm"].ToString();
        var check = PasswordPolicyChecker.Check(target.Policy, password, target.User, target.Identity);
        string? error = null;
        if (password.Length == 0)
        {
            error = T("Reset.EnterPassword");
        }
        else if (password != confirm)
        {
            error = T("Reset.Mismatch");
        }
        else if (!check.Ok)
        {
            error = PasswordErrorText.For(check);
        }

        if (error is not null)
        {
            return TicketPages.ResetForm(Forms.Antiforgery(antiforgery, context), target.TicketId, target.Email, check.Rules, password.Length > 0, error);
        }

        var hash = PasswordHasher.Hash(password);
        var now = time.GetUtcNow();
        var done = store.Write(w =>
        {
            var ticket = w.Find<TenantTicket>(target.TicketId);
            var user = w.FindUser(target.User.UserId);
            var identity = user?.Identities.FirstOrDefault(i => i.Connection == target.Identity.Connection && i.UserId == target.Identity.UserId);
            if (ticket is null || ticket.Used || user is null || identity is null)
            {
                return false;
            }

            if (identity.PasswordHash is not null)
            {
                identity.PasswordHistory.Insert(0, identity.PasswordHash);
                if (identity.PasswordHistory.Count > KeptPasswordHashes)
                {
                    identity.PasswordHistory.RemoveRange(KeptPasswordHashes, identity.PasswordHistory.Count - KeptPasswordHashes);
                }
            }

            identity.PasswordHash = hash;
            user.LastPasswordReset = now;
            user.UpdatedAt = now;
            if (ticket.MarkEmailAsVerified && ReferenceEquals(identity, user.Primary))
            {
                user.EmailVerified = true;
            }

            w.Save(user);
            ticket.Used = true;
            w.Save(ticket);
            logs.Record(w, context, LogEventTypes.SuccessChangePassword, user.UserId, null, identity.Connection, "Changed password");
            // A new password also lifts brute-force blocks (Auth0's "the user changes the password").
            BruteForceProtection.Unblock(w, user.UserId);
            // Auth0 ends the user's sessions when the password is reset.
            foreach (var session in w.All<TenantSession>().Where(s => s.UserId == user.UserId).ToList())
            {
                w.Remove<TenantSession>(session.Id);
            }

            return true;
        });
        return done ? TicketPages.ResetDone(target.ResultUrl) : TicketPages.Invalid();
    }

    public static IResult VerifyEmail(HttpContext context, TenantStore store, TimeProvider time, TenantLogs logs, string? ticket)
    {
        var now = time.GetUtcNow();
        var resultUrl = store.Write(w =>
        {
            var found = ticket is null ? null : w.Find<TenantTicket>(ticket);
            var user = found is null ? null : w.FindUser(found.UserId);
            if (found is null || user is null || found.Kind != TenantTicket.EmailVerification || found.Used || found.ExpiresAt <= now)
            {
                return (Valid: false, Url: (string?)null);
            }

            var index = found.Connection is null ? 0 : user.Identities.FindIndex(i => i.Connection == found.Connection);
            if (index > 0 && user.Identities[index].ProfileData is { } data)
            {
                data["email_verified"] = true;
            }
            else
            {
                user.EmailVerified = true;
            }

            user.UpdatedAt = now;
            w.Save(user);
            found.Used = true;
            w.Save(found);
            logs.Record(w, context, LogEventTypes.SuccessVerificationEmail, user.UserId, null, found.Connection, null);
            return (Valid: true, Url: SafeUrl(found.ResultUrl));
        });
        if (!resultUrl.Valid)
        {
            return TicketPages.Invalid();
        }

        return resultUrl.Url is null ? TicketPages.Verified(null) : Results.Redirect(resultUrl.Url);
    }

    /// <summary>The link of the blocked-account email: lifts the user's brute-force blocks (not an administrator's block).</summary>
    public static IResult Unblock(TenantStore store, TimeProvider time, string? ticket)
    {
        var now = time.GetUtcNow();
        var done = store.Write(w =>
        {
            var found = ticket is null ? null : w.Find<TenantTicket>(ticket);
            if (found is null || found.Kind != TenantTicket.Unblock || found.Used || found.ExpiresAt <= now)
            {
                return false;
            }

            BruteForceProtection.Unblock(w, found.UserId);
            found.Used = true;
            w.Save(found);
            return true;
        });
        return done ? TicketPages.Unblocked() : TicketPages.Invalid();
    }

    private static ResetTarget? LoadReset(TenantStore store, TimeProvider time, string? ticketId)
    {
        if (ticketId is null)
        {
            return null;
        }

        var now = time.GetUtcNow();
        return store.Read(d =>
        {
            var ticket = d.Find<TenantTicket>(ticketId);
            var user = ticket is null ? null : d.FindUser(ticket.UserId);
            if (ticket is null || user is null || ticket.Kind != TenantTicket.PasswordChange || ticket.Used || ticket.ExpiresAt <= now)
            {
                return null;
            }

            var identity = user.Identities.FirstOrDefault(i => i.Provider == "auth0" && i.Connection == ticket.Connection)
                ?? user.Identities.FirstOrDefault(i => i.Provider == "auth0");
            var connection = identity is null ? null : d.FindConnection(identity.Connection);
            if (identity is null || connection is null)
            {
                return null;
            }

            var email = ReferenceEquals(identity, user.Primary) ? user.Email : identity.ProfileData?["email"]?.GetValue<string>();
            return new ResetTarget(ticket.Id, user.Clone(), identity.Clone(), connection.PasswordPolicy, email, SafeUrl(ticket.ResultUrl));
        });
    }

    /// <summary>Only absolute http(s) result URLs are followed, so a ticket cannot carry a script URL.</summary>
    private static string? SafeUrl(string? url)
        => url is not null && Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? url
            : null;

    private sealed record ResetTarget(string TicketId, TenantUser User, TenantIdentity Identity, PasswordPolicy Policy, string? Email, string? ResultUrl);
}
