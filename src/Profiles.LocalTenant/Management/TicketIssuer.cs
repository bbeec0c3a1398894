using Profiles.LocalTenant.Data;
using Profiles.LocalTenant.Outbox;
using Profiles.LocalTenant.Security;

namespace Profiles.LocalTenant.Management;

/// <summary>Creates the one-time tickets that the login UI's <c>/u/reset-password</c> and <c>/u/email-verification</c>
/// pages consume, and sends verification emails that carry them.</summary>
public sealed class TicketIssuer(TenantStore store, OutboxService outbox, TenantUrls urls, TimeProvider time)
{
    /// <summary>Auth0's default ticket lifetime: 5 days.</summary>
    public const int DefaultTtlSeconds = 432_000;

    public TenantTicket Create(TenantWriter writer, string kind, string userId, string? connection, int ttlSeconds = DefaultTtlSeconds,
        string? resultUrl = null, string? clientId = null, bool markEmailAsVerified = false, string? factor = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var ticket = new TenantTicket
        {
            Id = TenantIds.Token(24),
            Kind = kind,
            UserId = userId,
            Connection = connection,
            ExpiresAt = time.GetUtcNow().AddSeconds(ttlSeconds <= 0 ? DefaultTtlSeconds : ttlSeconds),
            ResultUrl = resultUrl,
            ClientId = clientId,
            MarkEmailAsVerified = markEmailAsVerified,
            Factor = factor,
        };
        writer.Save(ticket);
        return ticket;
    }

    /// <summary>The ticket URL as Auth0 returns it (with its trailing <c>#</c>).</summary>
    public string Url(TenantTicket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var page = ticket.Kind == TenantTicket.PasswordChange ? "reset-password" : "email-verification";
        return $"{urls.BaseUrl}/u/{page}?ticket={ticket.Id}#";
    }

    /// <summary>Creates an email-verification ticket for the identity and emails its link to <paramref name="to"/>.</summary>
    public OutboxEmail SendVerificationEmail(string userId, string connection, string to, string? clientId)
    {
        var ticket = store.Write(w => Create(w, TenantTicket.EmailVerification, userId, connection, DefaultTtlSeconds, clientId: clientId));
        var link = $"{urls.BaseUrl}/u/email-verification?ticket={ticket.Id}";
        var body = $"Please verify your email address by following this link:\n\n{link}\n\nIf you did not ask for this, you can ignore this email.";
        return outbox.Send(to, "Verify your email", body, "verification");
    }
}
