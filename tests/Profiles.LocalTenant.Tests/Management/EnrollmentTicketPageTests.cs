using System.Net;
using System.Text.RegularExpressions;
using Profiles.LocalTenant.Mfa;
using Profiles.LocalTenant.Tests.Authentication;
using Profiles.LocalTenant.Tests.Infrastructure;

namespace Profiles.LocalTenant.Tests.Management;

/// <summary>The hosted page a Guardian enrolment ticket lands on: it enrols an authenticator app, is single use, and leads back to the
/// application that created the ticket.</summary>
public sealed partial class EnrollmentTicketPageTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 2, 10, 0, 0, TimeSpan.Zero));
    private TenantFixture _tenant = null!;

    public async Task InitializeAsync() => _tenant = await TenantFixture.StartAsync(clock: _clock);

    public async Task DisposeAsync() => await _tenant.DisposeAsync();

    [Fact]
    public async Task The_ticket_page_enrols_totp_once_and_offers_the_way_back()
    {
        var url = await TicketUrlAsync();
        using var browser = new TenantBrowser(_tenant);
        var page = await browser.GetHtmlAsync(url[_tenant.BaseUrl.Length..]);
        var secret = KeyPattern().Match(page).Groups[1].Value;
        Assert.Contains("href=\"otpauth://totp/", page, StringComparison.Ordinal);

        using var wrong = await browser.SubmitAsync(page, "/mfa/enrollment", new Dictionary<string, string> { ["code"] = "abcdef" });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        var retry = await wrong.Content.ReadAsStringAsync();
        Assert.Equal(secret, KeyPattern().Match(retry).Groups[1].Value);

        using var right = await browser.SubmitAsync(retry, "/mfa/enrollment", new Dictionary<string, string> { ["code"] = new TotpCodes(_clock).Now(secret) });
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("href=\"http://127.0.0.1:5000/\"", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var methods = _tenant.Store.Read(d => MethodEnrollment.Methods(d, TenantFixture.ErinId).Select(m => m.Type).ToList());
        Assert.Equal(["totp"], methods);

        using var reused = await browser.GetAsync(url[_tenant.BaseUrl.Length..]);
        Assert.Equal(HttpStatusCode.BadRequest, reused.StatusCode);
    }

    [Fact]
    public async Task A_ticket_expires_after_five_days()
    {
        var url = await TicketUrlAsync();
        _clock.Advance(TimeSpan.FromDays(5) + TimeSpan.FromSeconds(1));
        using var browser = new TenantBrowser(_tenant);
        using var expired = await browser.GetAsync(url[_tenant.BaseUrl.Length..]);
        Assert.Equal(HttpStatusCode.BadRequest, expired.StatusCode);
    }

    private async Task<string> TicketUrlAsync()
    {
        using var api = _tenant.CreateManagementClient();
        using var create = await api.PostJsonAsync("api/v2/guardian/enrollments/ticket", $$"""{"user_id":"{{TenantFixture.ErinId}}"}""");
        return (await create.ExpectObjectAsync(HttpStatusCode.OK))["ticket_url"]!.GetValue<string>();
    }

    [GeneratedRegex("<code id=\"totp-key\">([A-Z2-7]+)</code>")]
    private static partial Regex KeyPattern();
}
