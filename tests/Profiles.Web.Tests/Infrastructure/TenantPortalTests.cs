using System.Net;
using System.Net.Http.Json;
using AngleSharp.Html.Dom;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Profiles.Core.Persistence;
using Profiles.LocalTenant.Faults;
using Profiles.LocalTenant.Hosting;
using Profiles.TestServices;

namespace Profiles.Web.Tests.Infrastructure;

/// <summary>
/// Journey tests end to end: a real in-memory local tenant, the real portal (real services, its own portal database: SQLite,
/// or PostgreSQL for the classes that ask) and a client that keeps the portal's cookies. The portal and the tenant share one fake clock (<see cref="Clock"/>): time passes only
/// when a test moves it (a stale sign-in, a grace period, a timeout). One tenant and portal per test class instance (xunit makes
/// one per test).
/// </summary>
public abstract class TenantPortalTests : IAsyncLifetime
{
    private readonly string _clientId = "portal-journeys-" + Guid.NewGuid().ToString("N")[..8];
    private readonly string _clientSecret = Guid.NewGuid().ToString("N");
    private string? _postgresConnectionString;

    protected EmbeddedLocalTenant Tenant { get; private set; } = null!;

    protected PortalFactory Portal { get; private set; } = null!;

    protected HttpClient Client { get; private set; } = null!;

    /// <summary>Starts at the real time: the portal's sign-in handler checks ID token lifetimes against the real clock.</summary>
    protected FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected RequestLog TenantRequests => Tenant.Services.GetRequiredService<RequestLog>();

    /// <summary>Extra portal settings for a test class (e.g. a shorter grace period).</summary>
    protected virtual IDictionary<string, string?> PortalSettings => new Dictionary<string, string?>();

    /// <summary>The portal database's engine for a test class: SQLite (a file per portal) unless a class asks for PostgreSQL
    /// (a database of its own on the test run's server).</summary>
    protected virtual PortalDatabaseProvider DatabaseProvider => PortalDatabaseProvider.Sqlite;

    /// <summary>Extra service replacements for a test class.</summary>
    protected virtual void ConfigurePortalServices(IServiceCollection services)
    {
    }

    public virtual async Task InitializeAsync()
    {
        Tenant = await PortalTenant.StartAsync(_clientId, _clientSecret, Clock);
        var settings = PortalTenant.Settings(_clientId, _clientSecret);
        settings["Auth0:Management:ClientId"] = _clientId;
        settings["Auth0:Management:ClientSecret"] = _clientSecret;
        if (DatabaseProvider == PortalDatabaseProvider.Postgres)
        {
            _postgresConnectionString = await (await PostgresServer.SharedAsync()).CreateDatabaseAsync("web");
            settings["PortalDatabase:Provider"] = nameof(PortalDatabaseProvider.Postgres);
            settings["PortalDatabase:ConnectionString"] = _postgresConnectionString;
        }

        foreach (var (key, value) in PortalSettings)
        {
            settings[key] = value;
        }

        Portal = new PortalFactory(Tenant.BaseUrl, extraSettings: settings, realProfileService: true, configureServices: services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            ConfigurePortalServices(services);
        });
        Client = Portal.CreatePortalClient();
    }

    public async Task DisposeAsync()
    {
        await Portal.DisposeAsync();
        await Tenant.DisposeAsync();
        if (_postgresConnectionString is not null)
        {
            await using var connection = new NpgsqlConnection(_postgresConnectionString);
            NpgsqlConnection.ClearPool(connection);
        }
    }

    /// <summary>Signs in at the tenant's login page and asserts the portal accepted it.</summary>
    protected async Task SignInAsync(string email, string password, HttpClient? client = null)
    {
        var response = await TenantSignIn.SignInAsync(client ?? Client, email, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain("signin-error", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    /// <summary>Another browser for the same portal (its own cookies), e.g. to check that other sessions end.</summary>
    protected HttpClient NewBrowser() => Portal.CreatePortalClient();

    /// <summary>Makes the current sign-in older than the recent sign-in window (default 300 s) as the portal sees it.</summary>
    protected void MakeSignInStale() => Clock.Advance(TimeSpan.FromMinutes(10));

    /// <summary>Given the portal's re-authentication challenge (a redirect to the tenant's /authorize), signs in again at the
    /// tenant and returns the portal's answer to the callback. The tenant shares the moved clock, so the new sign-in's
    /// <c>auth_time</c> is later than the challenge and counts as recent.</summary>
    protected async Task<HttpResponseMessage> ReauthenticateAsync(HttpResponseMessage challenge, string email, string password)
    {
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var location = challenge.Headers.Location!;
        Assert.StartsWith(Tenant.BaseUrl + "/authorize", location.AbsoluteUri, StringComparison.Ordinal);
        Assert.Contains("max_age=0", location.Query, StringComparison.Ordinal);
        Assert.Contains("prompt=login", location.Query, StringComparison.Ordinal);
        return await TenantSignIn.CompleteAsync(Client, location, email, password);
    }

    protected async Task<IHtmlDocument> GetPageAsync(string path, HttpClient? client = null) =>
        await PortalSession.GetDocumentAsync(client ?? Client, path);

    /// <summary>Posts a form the way the page's own form would: with the antiforgery token from <paramref name="page"/>.</summary>
    protected Task<HttpResponseMessage> PostAsync(string path, IHtmlDocument page, IEnumerable<KeyValuePair<string, string>> fields, HttpClient? client = null) =>
        PortalSession.PostFormAsync(client ?? Client, path, fields.Prepend(new("__RequestVerificationToken", PortalSession.AntiforgeryToken(page))));

    /// <summary>The tenant outbox's emails to <paramref name="to"/>, newest last.</summary>
    protected async Task<IReadOnlyList<OutboxItem>> OutboxAsync(string to)
    {
        using var http = new HttpClient();
        var items = await http.GetFromJsonAsync<List<OutboxItem>>($"{Tenant.BaseUrl}/outbox.json?to={Uri.EscapeDataString(to)}");
        return (items ?? []).OrderBy(i => i.SentAt).ToList();
    }

    /// <summary>One email in the tenant's outbox.</summary>
    public sealed record OutboxItem(string Id, string To, string Subject, string Body, List<string> Links, string Kind, DateTimeOffset SentAt);
}
