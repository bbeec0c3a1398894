using System.Net;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Profiles.Core.Persistence;
using Profiles.Core.Security;
using Profiles.Web.Tests.Infrastructure;

namespace Profiles.Web.Tests;

/// <summary>"End my other sessions": a revocation ends every portal cookie session of the user that began earlier, at its very
/// next request, except the one kept; other users and later sessions are unaffected.</summary>
public abstract class SessionRevocationTests : TenantPortalTests
{
    [Fact]
    public async Task Other_sessions_end_at_their_next_request_and_the_kept_one_continues()
    {
        var laptop = Client;
        var phone = NewBrowser();
        var bob = NewBrowser();
        var laptopSignIn = await TenantSignIn.SignInAsync(laptop, "alice@example.com", "Alice-demo-2026");
        await SignInAsync("alice@example.com", "Alice-demo-2026", phone);
        await SignInAsync("bob@example.com", "Bob-demo-2026", bob);
        var keep = SessionIdOf(laptopSignIn);

        await Portal.Services.GetRequiredService<IPortalSessionRevocations>()
            .RevokeAsync("auth0|64b97a87b6c808c6f9cc0001", keep, CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync("/profile")).StatusCode);
        var ended = await phone.GetAsync("/profile");
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        Assert.StartsWith(Tenant.BaseUrl + "/authorize", ended.Headers.Location!.AbsoluteUri, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await bob.GetAsync("/profile")).StatusCode);
    }

    [Fact]
    public async Task A_session_started_after_the_revocation_is_not_affected()
    {
        await SignInAsync("alice@example.com", "Alice-demo-2026");
        await Portal.Services.GetRequiredService<IPortalSessionRevocations>()
            .RevokeAsync("auth0|64b97a87b6c808c6f9cc0001", keepSessionId: null, CancellationToken.None);
        Assert.Equal(HttpStatusCode.Redirect, (await Client.GetAsync("/profile")).StatusCode);

        Clock.Advance(TimeSpan.FromSeconds(1));
        var fresh = NewBrowser();
        await SignInAsync("alice@example.com", "Alice-demo-2026", fresh);

        Assert.Equal(HttpStatusCode.OK, (await fresh.GetAsync("/profile")).StatusCode);
    }

    /// <summary>The portal session id inside the cookie the sign-in callback set, decrypted with the portal's own ticket format.</summary>
    private string SessionIdOf(HttpResponseMessage signInCallback)
    {
        var header = PortalSession.SetCookieHeader(signInCallback, "__Host-profiles")!;
        var value = header.Split(';')[0]["__Host-profiles=".Length..];
        var options = Portal.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(CookieAuthenticationDefaults.AuthenticationScheme);
        var ticket = options.TicketDataFormat.Unprotect(value)!;
        return ticket.Principal.FindFirst("profiles_sid")!.Value;
    }

    public sealed class OnSqlite : SessionRevocationTests;

    public sealed class OnPostgres : SessionRevocationTests
    {
        protected override PortalDatabaseProvider DatabaseProvider => PortalDatabaseProvider.Postgres;
    }
}
