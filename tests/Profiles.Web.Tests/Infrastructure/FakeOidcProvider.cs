using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Profiles.Web.Tests.Infrastructure;

/// <summary>
/// A minimal OIDC provider on 127.0.0.1 with Auth0's endpoint shapes (discovery, JWKS, /authorize that redirects straight
/// back with a code, /oauth/token with PKCE, /v2/logout), so the portal's sign-in is tested over real HTTP, deterministically.
/// </summary>
public sealed class FakeOidcProvider : IAsyncDisposable
{
    public const string ClientId = "portal-test-client";
    public const string ClientSecret = "portal-test-secret";
    public const string Subject = "auth0|64b97a87b6c808c6f9cc0001";
    public const string SessionId = "sid-test-0001";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, PendingCode> _codes = new();
    private int _jwksRequests;

    private FakeOidcProvider(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
        PublishedKeys.Add(SigningKey);
    }

    public string BaseUrl { get; }

    /// <summary>Auth0's issuer: the authority with a trailing slash.</summary>
    public string Issuer => BaseUrl + "/";

    public RsaSecurityKey SigningKey { get; } = NewKey("key-1");

    /// <summary>Keys served by the JWKS endpoint.</summary>
    public List<RsaSecurityKey> PublishedKeys { get; } = [];

    public int JwksRequests => Volatile.Read(ref _jwksRequests);

    /// <summary>Applied to every ID token issued from now on.</summary>
    public Action<IdTokenSpec>? ShapeToken { get; set; }

    /// <summary>When set, <c>/authorize</c> redirects back with this error instead of a code.</summary>
    public (string Error, string Description)? AuthorizeError { get; set; }

    /// <summary>Whether error redirects echo <c>state</c> (OAuth 2 says they must; UNVERIFIED for Auth0).</summary>
    public bool EchoStateOnError { get; set; } = true;

    public IQueryCollection? LastAuthorizeQuery { get; private set; }

    /// <summary>Whether discovery advertises <c>end_session_endpoint</c> (tenants with RP-initiated logout discovery on);
    /// off by default, like Auth0 tenants created before that setting existed.</summary>
    public bool AdvertiseEndSession { get; set; }

    public static RsaSecurityKey NewKey(string keyId) => new(RSA.Create(2048)) { KeyId = keyId };

    public static async Task<FakeOidcProvider> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        FakeOidcProvider? provider = null;
        app.MapGet("/.well-known/openid-configuration", () => Results.Json(provider!.Discovery()));
        app.MapGet("/.well-known/jwks.json", () => provider!.Jwks());
        app.MapGet("/authorize", (Delegate)((HttpContext context) => provider!.Authorize(context)));
        app.MapPost("/oauth/token", (Delegate)((HttpContext context) => provider!.TokenAsync(context)));
        app.MapGet("/v2/logout", () => Results.Text("signed out"));
        app.MapGet("/oidc/logout", () => Results.Text("signed out"));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        provider = new FakeOidcProvider(app, address.TrimEnd('/'));
        return provider;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private Dictionary<string, object> Discovery()
    {
        var document = DiscoveryDocument();
        if (AdvertiseEndSession)
        {
            document["end_session_endpoint"] = BaseUrl + "/oidc/logout";
        }

        return document;
    }

    private Dictionary<string, object> DiscoveryDocument() => new()
    {
        ["issuer"] = Issuer,
        ["authorization_endpoint"] = BaseUrl + "/authorize",
        ["token_endpoint"] = BaseUrl + "/oauth/token",
        ["userinfo_endpoint"] = BaseUrl + "/userinfo",
        ["jwks_uri"] = BaseUrl + "/.well-known/jwks.json",
        ["response_types_supported"] = new[] { "code" },
        ["subject_types_supported"] = new[] { "public" },
        ["id_token_signing_alg_values_supported"] = new[] { "HS256", "RS256" },
        ["code_challenge_methods_supported"] = new[] { "S256", "plain" },
        ["token_endpoint_auth_methods_supported"] = new[] { "client_secret_basic", "client_secret_post" },
    };

    private IResult Jwks()
    {
        Interlocked.Increment(ref _jwksRequests);
        var keys = PublishedKeys.ToList().Select(key =>
        {
            var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(key);
            return new Dictionary<string, string> { ["kty"] = "RSA", ["use"] = "sig", ["alg"] = "RS256", ["kid"] = key.KeyId, ["n"] = jwk.N, ["e"] = jwk.E };
        });
        return Results.Json(new { keys });
    }

    private IResult Authorize(HttpContext context)
    {
        var query = context.Request.Query;
        LastAuthorizeQuery = query;
        var redirectUri = query["redirect_uri"].ToString();
        var state = query["state"].ToString();
        if (AuthorizeError is { } error)
        {
            var parameters = new Dictionary<string, string?> { ["error"] = error.Error, ["error_description"] = error.Description };
            if (EchoStateOnError)
            {
                parameters["state"] = state;
            }

            return Results.Redirect(QueryHelpers.AddQueryString(redirectUri, parameters));
        }

        var code = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(16));
        _codes[code] = new PendingCode(query["client_id"].ToString(), redirectUri, query["nonce"].ToString(), query["code_challenge"].ToString());
        return Results.Redirect(QueryHelpers.AddQueryString(redirectUri, new Dictionary<string, string?> { ["code"] = code, ["state"] = state }));
    }

    private async Task<IResult> TokenAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync();
        if (form["grant_type"] != "authorization_code" || !_codes.TryRemove(form["code"].ToString(), out var pending))
        {
            return Results.Json(new { error = "invalid_grant", error_description = "Invalid authorization code" }, statusCode: 403);
        }

        var (clientId, clientSecret) = ClientCredentials(context.Request, form);
        if (clientId != ClientId || clientSecret != ClientSecret || pending.ClientId != ClientId)
        {
            return Results.Json(new { error = "invalid_client", error_description = "Unauthorized" }, statusCode: 401);
        }

        var challenge = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(form["code_verifier"].ToString())));
        if (challenge != pending.CodeChallenge || form["redirect_uri"] != pending.RedirectUri)
        {
            return Results.Json(new { error = "invalid_grant", error_description = "Failed to verify code verifier" }, statusCode: 403);
        }

        var now = DateTimeOffset.UtcNow;
        var spec = new IdTokenSpec
        {
            Issuer = Issuer,
            Audience = ClientId,
            Subject = Subject,
            Nonce = pending.Nonce,
            IssuedAt = now,
            Expires = now.AddHours(10),
            AuthTime = now,
            SigningCredentials = new SigningCredentials(SigningKey, SecurityAlgorithms.RsaSha256),
        };
        spec.Claims["sid"] = SessionId;
        spec.Claims["name"] = "Alice Example";
        spec.Claims["email"] = "alice@example.com";
        spec.Claims["email_verified"] = true;
        spec.Claims["nickname"] = "alice";
        ShapeToken?.Invoke(spec);

        return Results.Json(new
        {
            access_token = "opaque-access-token",
            id_token = CreateIdToken(spec),
            token_type = "Bearer",
            expires_in = 86400,
            scope = "openid profile email",
        });
    }

    private static string CreateIdToken(IdTokenSpec spec)
    {
        var claims = new Dictionary<string, object>(spec.Claims) { ["sub"] = spec.Subject };
        if (spec.Nonce is not null)
        {
            claims["nonce"] = spec.Nonce;
        }

        if (spec.AuthTime is { } authTime)
        {
            claims["auth_time"] = authTime.ToUnixTimeSeconds();
        }

        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = spec.Issuer,
            Claims = claims,
            IssuedAt = spec.IssuedAt == default ? null : spec.IssuedAt.UtcDateTime,
            Expires = spec.Expires.UtcDateTime,
            SigningCredentials = spec.SigningCredentials,
        };
        if (spec.ExtraAudiences.Count == 0)
        {
            descriptor.Audience = spec.Audience;
        }
        else
        {
            descriptor.Audiences.Add(spec.Audience);
            foreach (var audience in spec.ExtraAudiences)
            {
                descriptor.Audiences.Add(audience);
            }
        }

        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    private static (string? Id, string? Secret) ClientCredentials(HttpRequest request, IFormCollection form)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Basic ", StringComparison.Ordinal))
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..])).Split(':', 2);
            return (Uri.UnescapeDataString(decoded[0]), Uri.UnescapeDataString(decoded[1]));
        }

        return (form["client_id"], form["client_secret"]);
    }

    private sealed record PendingCode(string ClientId, string RedirectUri, string Nonce, string CodeChallenge);
}
