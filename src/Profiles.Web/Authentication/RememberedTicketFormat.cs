using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;

namespace Profiles.Web.Authentication;

/// <summary>
/// The session cookie's format with the tickets it recently read remembered, so a signed-in page view does not decrypt and
/// deserialize the same cookie again (data protection was the largest single cost of a cached page view). Keyed by the whole
/// protected cookie value, which only its holder has; a ticket is remembered for at most <see cref="Lifetime"/> and never past
/// its own expiry, and every read returns a copy (a request may change its principal). Everything else is checked per request
/// as before: the cookie handler's expiry, and <see cref="PortalSessionEvents"/>' lifetime cap and session revocations. Per
/// instance, in memory: the value is a function of the cookie, so instances need not agree.
/// </summary>
public sealed class RememberedTicketFormat(ISecureDataFormat<AuthenticationTicket> inner, TimeProvider timeProvider) : ISecureDataFormat<AuthenticationTicket>
{
    /// <summary>How long a ticket is remembered: also how long a revoked data-protection key may go on being honoured for
    /// cookies already read.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    /// <summary>Most tickets remembered at once; when full, expired ones are dropped and new ones wait for room.</summary>
    public const int Capacity = 10_000;

    /// <summary>When full, expired tickets are looked for at most this often: a full dictionary of live tickets is not scanned
    /// on every new cookie.</summary>
    private static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<string, Remembered> _tickets = new(StringComparer.Ordinal);
    private long _nextSweepTicks;

    internal int Count => _tickets.Count;

    public string Protect(AuthenticationTicket data) => inner.Protect(data);

    public string Protect(AuthenticationTicket data, string? purpose) => inner.Protect(data, purpose);

    public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

    public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
    {
        if (string.IsNullOrEmpty(protectedText) || purpose is not null)
        {
            return inner.Unprotect(protectedText, purpose);
        }

        var now = timeProvider.GetUtcNow();
        if (_tickets.TryGetValue(protectedText, out var remembered))
        {
            if (remembered.Until > now)
            {
                return Copy(remembered.Ticket);
            }

            _tickets.TryRemove(KeyValuePair.Create(protectedText, remembered));
        }

        var ticket = inner.Unprotect(protectedText);
        if (ticket is not null)
        {
            Remember(protectedText, ticket, now);
            return Copy(ticket);
        }

        return null;
    }

    private void Remember(string protectedText, AuthenticationTicket ticket, DateTimeOffset now)
    {
        var until = now + Lifetime;
        if (ticket.Properties.ExpiresUtc is { } expires && expires < until)
        {
            until = expires;
        }

        if (until <= now)
        {
            return;
        }

        if (_tickets.Count >= Capacity)
        {
            var next = Interlocked.Read(ref _nextSweepTicks);
            if (now.UtcTicks < next || Interlocked.CompareExchange(ref _nextSweepTicks, (now + SweepInterval).UtcTicks, next) != next)
            {
                return;
            }

            foreach (var entry in _tickets)
            {
                if (entry.Value.Until <= now)
                {
                    _tickets.TryRemove(entry);
                }
            }

            if (_tickets.Count >= Capacity)
            {
                return;
            }
        }

        // The caller only ever gets copies, so the ticket just read is kept as it is.
        _tickets[protectedText] = new Remembered(ticket, until);
    }

    // ClaimsPrincipal.Clone shares the identities; each identity's Clone copies its claims.
    private static AuthenticationTicket Copy(AuthenticationTicket ticket) =>
        new(new ClaimsPrincipal(ticket.Principal.Identities.Select(identity => identity.Clone())), ticket.Properties.Clone(), ticket.AuthenticationScheme);

    private sealed record Remembered(AuthenticationTicket Ticket, DateTimeOffset Until);
}
