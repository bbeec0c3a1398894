using Profiles.LocalTenant.Data;
using Profiles.LocalTenant.Outbox;
using Profiles.LocalTenant.Security;

namespace Profiles.LocalTenant.Authentication;

/// <summary>The emails the Authentication API sends: password reset and email verification, each with a one-time ticket link.</summary>
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
        outbox.Send(target.To, "Reset your password",
            $"Someone asked to reset the password of your account.\n\nTo choose a new password, open this link:\n{link}\n\nIf you did not ask for this, ignore this email: your password stays as it is.",
            "password-reset");
    }

    /// <summary>Sends the welcome email with a verification link, as Auth0 does after a database signup.</summary>
    public void SendVerification(string userId, string email, string connection, string? clientId)
    {
        var ticket = NewTicket(TenantTicket.EmailVerification, userId, connection, clientId);
        store.Write(w => w.Save(ticket));
        var link = $"{urls.BaseUrl}/u/email-verification?ticket={Uri.EscapeDataString(ticket.Id)}";
        outbox.Send(email, "Verify your email",
            $"Welcome! Please confirm that this is your email address by opening this link:\n{link}", "verification");
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
