using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Profiles.LocalTenant.Data;
using Profiles.LocalTenant.Hosting;
using Profiles.LocalTenant.Logs;
using Profiles.LocalTenant.Security;

namespace Profiles.LocalTenant.Authentication;

/// <summary><c>POST /oauth/token</c>: authorization_code (with PKCE), client_credentials and refresh_token grants.</summary>
public sealed class TokenEndpoint(TenantStore store, AuthorizationCodes codes, TokenService tokens, TenantUrls urls, TimeProvider time,
    IOptions<LocalTenantOptions> options, TenantLogs logs, Audiences audiences, ILogger<TokenEndpoint> logger)
{
    private const string InvalidCode = "Invalid authorization code";
    private const string InvalidRefreshToken = "Unknown or invalid refresh token.";

    public async Task<IResult> HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var fields = await RequestFields.ReadAsync(context.Request, context.RequestAborted);
        if (fields is null)
        {
            return JsonAnswer.Error(StatusCodes.Status400BadRequest, "invalid_request", "The request body must be form-encoded or JSON");
        }

        var grantType = RequestFields.Text(fields, "grant_type");
        if (grantType is null)
        {
            return JsonAnswer.Error(StatusCodes.Status400BadRequest, "invalid_request", "Missing required parameter: grant_type");
        }

        if (grantType is not ("authorization_code" or "client_credentials" or "refresh_token"))
        {
            return JsonAnswer.Error(StatusCodes.Status400BadRequest, "unsupported_grant_type", "Grant type not supported");
        }

        var credentials = ClientAuthentication.From(context.Request, fields);
        var client = credentials.ClientId is null ? null : store.Read(d => d.FindClient(credentials.ClientId) is { } c ? new { c.ClientId, c.ClientSecret } : null);
        // With PKCE the verifier proves possession of the code, so Auth0 lets the code exchange go without a secret.
        var secretOptional = grantType == "authorization_code" && RequestFields.Text(fields, "code_verifier") is not null;
        if (client is null || !credentials.Verify(client.ClientSecret, secretOptional))
        {
            return JsonAnswer.Error(StatusCodes.Status401Unauthorized, "invalid_client", "Client authentication failed");
        }

        var result = grantType switch
        {
            "authorization_code" => AuthorizationCode(context, fields, client.ClientId),
            "client_credentials" => ClientCredentials(fields, client.ClientId),
            _ => RefreshToken(context, fields, client.ClientId),
        };
        if (result is JsonAnswer { StatusCode: >= 400 } refused)
        {
            AuthenticationLog.TokenRefused(logger, grantType, refused.Body["error"]?.GetValue<string>() ?? "",
                refused.Body["error_description"]?.GetValue<string>() ?? "");
        }

        return result;
    }

    private IResult AuthorizationCode(HttpContext context, JsonObject fields, string clientId)
    {
        var codeText = RequestFields.Text(fields, "code");
        if (codeText is null)
        {
            return JsonAnswer.Error(StatusCodes.Status400BadRequest, "invalid_request", "Missing required parameter: code");
        }

        var code = codes.Redeem(codeText);
        if (code is null || code.ClientId != clientId)
        {
            return JsonAnswer.Error(StatusCodes.Status403Forbidden, "invalid_grant", InvalidCode);
        }

        if (RequestFields.Text(fields, "redirect_uri") is { } redirectUri && redirectUri != code.RedirectUri)
        {
            return JsonAnswer.Error(StatusCodes.Status403Forbidden, "invalid_grant",
                "Unauthorized redirect_uri: " + redirectUri);
        }

        if (!VerifierMatches(code, RequestFields.Text(fields, "code_verifier")))
        {
            return JsonAnswer.Error(StatusCodes.Status403Forbidden, "invalid_grant", "Failed to verify code verifier");
        }

        if (code.Audience is not null && !audiences.IsServed(code.Audience))
        {
            return ServiceNotFound(code.Audience);
        }

        return IssueUserTokens(context, clientId, code.UserId, audiences.GrantedScope(code.Audience, code.Scope), code.SessionId, code.AuthTime,
            code.Nonce, new IssueOptions(true, code.Audience, code.Amr, code.Acr));
    }

    private IResult ClientCredentials(JsonObject fields, string clientId)
    {
        var audience = RequestFields.Text(fields, "audience");
        if (audience is null)
        {
            return JsonAnswer.Error(StatusCodes.Status403Forbidden, "access_denied",
                "No audience parameter was provided, and no default audience has been configured");
        }

        if (audience != urls.ManagementAudience)
        {
            return JsonAnswer.Error(StatusCodes.Status403Forbidden, "access_denied", "Service not enabled within domain: " + audience);
        }

        var granted = store.Read(d => d.FindClient(clientId)!.ManagementScopes.ToList());
        if (granted.Count == 0)
        {
            return JsonAnswer.Error(StatusCodes.Status403Forbidden, "access_denied", "Client has not been granted scopes");
        }

        var scopes = granted;
        if (RequestFields.Text(fields, "scope") is { } requestedText)
        {
            var requested = requestedText.Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToList();
            var missing = requested.Where(s => !granted.Contains(s, StringComparer.Ordinal)).ToList();
            if (missing.Count > 0)
            {
                return JsonAnswer.Error(StatusCodes.Status403Forbidden, "access_denied", "Client has not been granted scopes: " + string.Join(' ', missing));
            }

            scopes = requested;
        }

        var scope = string.Join(' ', scopes);
        var lifetime = options.Value.AccessTokenLifetimeSeconds;
        return new JsonAnswer(new JsonObject
        {
            ["access_token"] = tokens.CreateAccessToken(clientId + "@clients", audience, scope, clientId, lifetime),
            ["scope"] = scope,
            ["expires_in"] = lifetime,
            ["token_type"] = "Bearer",
        });
    }

    private IResult RefreshToken(HttpContext context, JsonObject fields, string clientId)
    {
        var refreshToken = RequestFields.Text(fields, "refresh_token");
        if (refreshToken is null)
        {
            return JsonAnswer.Error(StatusCodes.Status400BadRequest, "invalid_request", "Missing required parameter: refresh_token");
        }

        var stored = store.Read(d => d.Find<TenantRefreshToken>(TenantIds.Hash(refreshToken)) is { } t
            ? new
            {
                t.ClientId,
                t.UserId,
                t.Scope,
                t.SessionId,
                t.Audience,
                AuthTime = (t.SessionId is null ? null : d.Find<TenantSession>(t.SessionId)?.AuthenticatedAt) ?? t.CreatedAt,
            }
            : null);
        if (stored is null || stored.ClientId != clientId)
        {
            if (stored is not null)
            {
                logs.Record(context, LogEventTypes.FailedExchangeRefreshToken, stored.UserId, clientId, null, InvalidRefreshToken);
            }

            return JsonAnswer.Error(StatusCodes.Status403Forbidden, "invalid_grant", InvalidRefreshToken);
        }

        // One audience per refresh token: the local tenant has no multi-resource refresh token policies.
        if (RequestFields.Text(fields, "audience") is { } audience && audiences.Normalise(audience) != stored.Audience)
        {
            return JsonAnswer.Error(StatusCodes.Status403Forbidden, "access_denied", "The refresh token was not issued for this audience: " + audience);
        }

        if (stored.Audience is not null && !audiences.IsServed(stored.Audience))
        {
            return ServiceNotFound(stored.Audience);
        }

        var scope = stored.Scope;
        if (RequestFields.Text(fields, "scope") is { } requestedText)
        {
            var original = stored.Scope.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var requested = requestedText.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (requested.Any(s => !original.Contains(s, StringComparer.Ordinal)))
            {
                return JsonAnswer.Error(StatusCodes.Status403Forbidden, "invalid_scope",
                    "The requested scope exceeds the scope granted by the refresh token");
            }

            scope = string.Join(' ', requested);
        }

        var hash = TenantIds.Hash(refreshToken);
        store.Write(w =>
        {
            if (w.Find<TenantRefreshToken>(hash) is { } token)
            {
                token.LastExchangedAt = time.GetUtcNow();
                token.LastIp = Security.BruteForceProtection.IpOf(context);
                token.LastUserAgent = UserAgentOf(context);
                w.Save(token);
            }

            logs.Record(w, context, LogEventTypes.SuccessExchangeRefreshToken, stored.UserId, clientId, null, null);
        });
        return IssueUserTokens(context, clientId, stored.UserId, scope, stored.SessionId ?? "", stored.AuthTime, nonce: null,
            new IssueOptions(false, stored.Audience, null, null));
    }

    private static JsonAnswer ServiceNotFound(string audience)
        => JsonAnswer.Error(StatusCodes.Status403Forbidden, "access_denied", "Service not found: " + audience);

    private IResult IssueUserTokens(HttpContext context, string clientId, string userId, string scope, string sessionId, DateTimeOffset authTime, string? nonce,
        IssueOptions issue)
    {
        var user = store.Read(d => d.FindUser(userId)?.Clone());
        if (user is null)
        {
            return JsonAnswer.Error(StatusCodes.Status403Forbidden, "invalid_grant", "The user does not exist");
        }

        if (user.Blocked == true)
        {
            return JsonAnswer.Error(StatusCodes.Status403Forbidden, "unauthorized", "user is blocked");
        }

        var scopes = scope.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var lifetime = options.Value.AccessTokenLifetimeSeconds;
        var openid = scopes.Contains("openid", StringComparer.Ordinal);
        var accessToken = issue.Audience is null
            ? tokens.CreateAccessToken(userId, audiences.UserInfo, scope, clientId, lifetime)
            : tokens.CreateAccessToken(userId, issue.Audience, scope, clientId, lifetime, openid ? audiences.UserInfo : null);
        var body = new JsonObject { ["access_token"] = accessToken };
        if (openid)
        {
            body["id_token"] = tokens.CreateIdToken(clientId, userId, ProfileClaims.For(user, scope), nonce, sessionId, authTime, accessToken, issue.Amr, issue.Acr);
        }

        if (issue.RefreshToken && scopes.Contains("offline_access", StringComparer.Ordinal))
        {
            var refreshToken = TenantIds.Token(32);
            store.Write(w => w.Save(new TenantRefreshToken
            {
                TokenHash = TenantIds.Hash(refreshToken),
                ClientId = clientId,
                UserId = userId,
                Scope = scope,
                Audience = issue.Audience,
                SessionId = sessionId,
                CreatedAt = time.GetUtcNow(),
                InitialIp = Security.BruteForceProtection.IpOf(context),
                InitialUserAgent = UserAgentOf(context),
            }));
            body["refresh_token"] = refreshToken;
        }

        body["scope"] = scope;
        body["expires_in"] = lifetime;
        body["token_type"] = "Bearer";
        return new JsonAnswer(body);
    }

    private static string? UserAgentOf(HttpContext context)
        => context.Request.Headers.UserAgent.ToString() is { Length: > 0 } agent ? agent : null;

    private static bool VerifierMatches(AuthorizationCode code, string? verifier)
    {
        if (code.CodeChallenge is null)
        {
            return verifier is null;
        }

        if (verifier is null)
        {
            return false;
        }

        var expected = code.CodeChallengeMethod == "S256"
            ? TenantIds.Base64UrlEncode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)))
            : verifier;
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(code.CodeChallenge));
    }

    /// <summary>How to issue: with a refresh token (code exchange) or not, for which API, and the login's <c>amr</c> and <c>acr</c>.</summary>
    private sealed record IssueOptions(bool RefreshToken, string? Audience, IReadOnlyList<string>? Amr, string? Acr);
}
