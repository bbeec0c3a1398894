using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Profiles.Web.Authentication;
using Profiles.Web.Tests.Infrastructure;

namespace Profiles.Web.Tests.Authentication;

public sealed class RememberedTicketFormatTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));
    private readonly CountingFormat _inner = new();

    [Fact]
    public void A_cookie_read_again_within_a_minute_is_not_decrypted_again_and_each_read_gets_its_own_copy()
    {
        var format = new RememberedTicketFormat(_inner, _clock);
        var cookie = _inner.Protect(Ticket("auth0|alice", expires: _clock.GetUtcNow().AddHours(1)));

        var first = format.Unprotect(cookie)!;
        ((ClaimsIdentity)first.Principal.Identity!).AddClaim(new Claim("added", "by this request"));
        first.Properties.Items["changed"] = "by this request";
        _clock.Advance(TimeSpan.FromSeconds(59));
        var second = format.Unprotect(cookie)!;

        Assert.Equal(1, _inner.Reads);
        Assert.Equal("auth0|alice", second.Principal.FindFirst("sub")?.Value);
        Assert.Null(second.Principal.FindFirst("added"));
        Assert.False(second.Properties.Items.ContainsKey("changed"));
        Assert.Equal(CookieAuthenticationDefaults.AuthenticationScheme, second.AuthenticationScheme);
    }

    [Fact]
    public void After_a_minute_the_cookie_is_decrypted_again()
    {
        var format = new RememberedTicketFormat(_inner, _clock);
        var cookie = _inner.Protect(Ticket("auth0|alice", expires: _clock.GetUtcNow().AddHours(1)));

        format.Unprotect(cookie);
        _clock.Advance(RememberedTicketFormat.Lifetime);
        format.Unprotect(cookie);

        Assert.Equal(2, _inner.Reads);
    }

    [Fact]
    public void A_ticket_is_never_remembered_past_its_own_expiry()
    {
        var format = new RememberedTicketFormat(_inner, _clock);
        var cookie = _inner.Protect(Ticket("auth0|alice", expires: _clock.GetUtcNow().AddSeconds(10)));

        format.Unprotect(cookie);
        _clock.Advance(TimeSpan.FromSeconds(10));
        format.Unprotect(cookie);

        Assert.Equal(2, _inner.Reads);
    }

    [Fact]
    public void A_cookie_that_does_not_decrypt_is_refused_every_time_and_a_purpose_bound_read_is_passed_through()
    {
        var format = new RememberedTicketFormat(_inner, _clock);
        var bound = _inner.Protect(Ticket("auth0|alice", expires: _clock.GetUtcNow().AddHours(1)), "tls-binding");

        Assert.Null(format.Unprotect("tampered"));
        Assert.Null(format.Unprotect("tampered"));
        Assert.NotNull(format.Unprotect(bound, "tls-binding"));
        Assert.NotNull(format.Unprotect(bound, "tls-binding"));

        Assert.Equal(4, _inner.Reads);
        Assert.Equal(0, format.Count);
    }

    [Fact]
    public void It_holds_at_most_its_capacity_and_makes_room_from_expired_tickets()
    {
        var format = new RememberedTicketFormat(_inner, _clock);
        for (var i = 0; i < RememberedTicketFormat.Capacity + 5; i++)
        {
            format.Unprotect(_inner.Protect(Ticket("auth0|" + i, expires: _clock.GetUtcNow().AddHours(1))));
        }

        Assert.Equal(RememberedTicketFormat.Capacity, format.Count);

        _clock.Advance(RememberedTicketFormat.Lifetime);
        var late = _inner.Protect(Ticket("auth0|late", expires: _clock.GetUtcNow().AddHours(1)));
        format.Unprotect(late);
        format.Unprotect(late);

        Assert.Equal(1, format.Count);
    }

    [Fact]
    public async Task The_portal_session_cookie_uses_it()
    {
        await using var portal = new PortalFactory("tenant.example");

        var options = portal.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(CookieAuthenticationDefaults.AuthenticationScheme);

        Assert.IsType<RememberedTicketFormat>(options.TicketDataFormat);
    }

    private static AuthenticationTicket Ticket(string userId, DateTimeOffset expires) =>
        new(new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", userId)], CookieAuthenticationDefaults.AuthenticationScheme)),
            new AuthenticationProperties { ExpiresUtc = expires }, CookieAuthenticationDefaults.AuthenticationScheme);

    /// <summary>The real ticket format on an ephemeral key, counting its reads.</summary>
    private sealed class CountingFormat : ISecureDataFormat<AuthenticationTicket>
    {
        private readonly TicketDataFormat _real = new(new EphemeralDataProtectionProvider().CreateProtector("tests"));

        public int Reads { get; private set; }

        public string Protect(AuthenticationTicket data) => _real.Protect(data);

        public string Protect(AuthenticationTicket data, string? purpose) => _real.Protect(data, purpose);

        public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

        public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
        {
            Reads++;
            return _real.Unprotect(protectedText, purpose);
        }
    }
}
