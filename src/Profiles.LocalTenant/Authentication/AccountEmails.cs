using Profiles.LocalTenant.Data;
using Profiles.LocalTenant.Outbox;
using Profiles.LocalTenant.Security;
using static Profiles.LocalTenant.Localization.TenantText;

namespace Profiles.LocalTenant.Authentication;

/// <summary>The emails the Authentication API sends: password reset and email verification, each with a one-time ticket link.
/// They are written in the language of the request that causes them (the login page's, or the API caller's <c>Accept-Language</c>).</summary>
public sealed class AccountEmails(TenantStore store, OutboxService outbox, TenantUrls urls, TimeProvider time)
{
    /// <summary>Auth0's default ticket lifetime (432000 s).</summary>
    public static readonly TimeSpan TicketLifetime = TimeSpan.FromDays(5);

    /// <summary>Sends a reset link when <paramref name="email"/> names an identity of the database <paramref name="connection"/>; silently does nothing otherwise.</summary>
    public void SendPasswordReset(string email, string connection, string? clientId)
    {
        var target = store.Write(w =>
        {
            var found = w.FindByConnectionEmail(connection, email);
            if (found is null)
            {
                return null;
            }

            var ticket = NewTicket(TenantTicket.PasswordChange, found.Value.User.UserId, connection, clientId);
            w.Save(ticket);
            return new { To = email.ToLowerInvariant(), TicketId = ticket.Id };
        });
        if (target is null)
        {
            return;
        }

        var link = $"{urls.BaseUrl}/u/reset-password?ticket={Uri.EscapeDataString(target.TicketId)}";
        outbox.Send(target.To, T("Email.Reset.Subject"), T("Email.Reset.Body", link), "password-reset");
    }

    /// <summary>Sends the welcome email with a verification link, as Auth0 does after a database signup.</summary>
    public void SendVerification(string userId, string email, string connection, string? clientId)
    {
        var ticket = NewTicket(TenantTicket.EmailVerification, userId, connection, clientId);
        store.Write(w => w.Save(ticket));
        var link = $"{urls.BaseUrl}/u/email-verification?ticket={Uri.EscapeDataString(ticket.Id)}";
        outbox.Send(email, T("Email.Verify.Subject"), T("Email.Verify.Body", link), "verification");
    }

    /// <summary>Auth0's "Blocked account" email: sent when brute-force protection blocks the user, with an unblock link.</summary>
    public void SendUnblock(string userId, string email, string ip, string connection)
    {
        var ticket = NewTicket(TenantTicket.Unblock, userId, connection, null);
        store.Write(w => w.Save(ticket));
        var link = $"{urls.BaseUrl}/u/unblock?ticket={Uri.EscapeDataString(ticket.Id)}";
        outbox.Send(email, T("Email.Unblock.Subject"), T("Email.Unblock.Body", ip, link), "blocked-account");
    }

    private TenantTicket NewTicket(string kind, string userId, string connection, string? clientId) => new()
    {
        Id = TenantIds.Token(24),
        Kind = kind,
        UserId = userId,
        Connection = connection,
        ClientId = clientId,
        ExpiresAt = time.GetUtcNow() + TicketLifetime,
    };
}
