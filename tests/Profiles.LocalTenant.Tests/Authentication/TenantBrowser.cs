using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Profiles.LocalTenant.Tests.Infrastructure;

namespace Profiles.LocalTenant.Tests.Authentication;

/// <summary>Drives the tenant like a browser: keeps cookies, does not follow redirects, submits forms with their antiforgery token.</summary>
internal sealed class TenantBrowser : IDisposable
{
    public TenantBrowser(TenantFixture fixture) => Http = fixture.CreateClient(cookies: Cookies);

    public CookieContainer Cookies { get; } = new();

    public HttpClient Http { get; }

    public void Dispose() => Http.Dispose();

    public static string AuthorizeUrl(string? extra = null, string state = "st-123", string nonce = "n-456", Pkce? pkce = null,
        string scope = "openid profile email", string clientId = TenantFixture.PortalClientId, string redirectUri = TenantFixture.PortalCallback)
    {
        var query = new Dictionary<string, string?>
        {
            ["response_type"] = "code",
            ["client_id"] = clientId,
            ["redirect_uri"] = redirectUri,
            ["scope"] = scope,
            ["state"] = state,
            ["nonce"] = nonce,
            ["auth0Client"] = "eyJuYW1lIjoidGVzdCJ9",
        };
        if (pkce is not null)
        {
            query["code_challenge"] = pkce.Challenge;
            query["code_challenge_method"] = "S256";
        }

        var url = QueryHelpers.AddQueryString("authorize", query);
        return extra is null ? url : url + "&" + extra;
    }

    public async Task<HttpResponseMessage> GetAsync(string url) => await Http.GetAsync(url.TrimStart('/'));

    /// <summary>Starts an authorization and follows the tenant's own redirect to its login page; returns that page's HTML.</summary>
    public async Task<string> OpenLoginAsync(string authorizeUrl)
    {
        using var response = await GetAsync(authorizeUrl);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/login?state=", location, StringComparison.Ordinal);
        return await GetHtmlAsync(location);
    }

    public async Task<string> GetHtmlAsync(string url)
    {
        using var response = await GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Posts a form of <paramref name="html"/> with its hidden fields plus <paramref name="fields"/>.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string html, string action, IDictionary<string, string> fields, string? containing = null)
    {
        var form = HtmlForm.Single(html, action, containing);
        var values = new Dictionary<string, string>(form.Hidden);
        foreach (var (key, value) in fields)
        {
            values[key] = value;
        }

        using var content = new FormUrlEncodedContent(values);
        return await Http.PostAsync(form.Action.TrimStart('/'), content);
    }

    /// <summary>Signs in with email and password on the login page; returns the tenant's redirect.</summary>
    public async Task<HttpResponseMessage> SubmitPasswordAsync(string loginHtml, string email, string password)
        => await SubmitAsync(loginHtml, "/login/password", new Dictionary<string, string> { ["email"] = email, ["password"] = password });

    /// <summary>The whole interactive login; returns the callback's query parameters.</summary>
    public async Task<Dictionary<string, string>> LoginAsync(string authorizeUrl, string email, string password)
    {
        var html = await OpenLoginAsync(authorizeUrl);
        using var response = await SubmitPasswordAsync(html, email, password);
        return CallbackParameters(response, TenantFixture.PortalCallback);
    }

    public static Dictionary<string, string> CallbackParameters(HttpResponseMessage response, string callback)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith(callback + "?", location, StringComparison.Ordinal);
        return QueryHelpers.ParseQuery(new Uri(location).Query).ToDictionary(p => p.Key, p => p.Value.ToString());
    }

    /// <summary>Exchanges a code at <c>/oauth/token</c> with client_secret_post.</summary>
    public async Task<(HttpStatusCode Status, JsonElement Body)> ExchangeAsync(string code, Pkce? pkce = null, string redirectUri = TenantFixture.PortalCallback)
    {
        var fields = new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = TenantFixture.PortalClientId,
            ["client_secret"] = TenantFixture.PortalClientSecret,
            ["code"] = code,
            ["redirect_uri"] = redirectUri,
        };
        if (pkce is not null)
        {
            fields["code_verifier"] = pkce.Verifier;
        }

        return await PostTokenAsync(fields);
    }

    public async Task<(HttpStatusCode Status, JsonElement Body)> PostTokenAsync(IDictionary<string, string> fields)
    {
        using var content = new FormUrlEncodedContent(fields);
        using var response = await Http.PostAsync("oauth/token", content);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.ToString());
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }
}
