using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Profiles.LocalTenant.RateLimiting;

/// <summary>Applies the plan's buckets and sends Auth0's <c>x-ratelimit-*</c> headers on every limited response, 429 when empty.</summary>
internal sealed class RateLimitMiddleware(RequestDelegate next, RateLimitRegistry registry)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var kind = RequestKind.Classify(context.Request.Method, context.Request.Path, context.Request.Query.ContainsKey("type"));
        if (kind.Group == EndpointGroup.None || registry.Plan == PlanProfiles.Off)
        {
            await next(context);
            return;
        }

        var email = kind.Group == EndpointGroup.ChangePassword ? await ReadEmailAsync(context.Request) : null;
        var decision = registry.TryAcquire(kind, key => key switch
        {
            BucketKey.IpAndEmail => $"{context.Connection.RemoteIpAddress}|{email?.ToLowerInvariant()}",
            BucketKey.Caller => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(context.Request.Headers.Authorization.ToString()))),
            BucketKey.User => BearerSubject(context.Request),
            _ => "tenant",
        });
        if (decision is null)
        {
            await next(context);
            return;
        }

        var headers = context.Response.Headers;
        headers["x-ratelimit-limit"] = decision.Limit.ToString(CultureInfo.InvariantCulture);
        headers["x-ratelimit-remaining"] = decision.Remaining.ToString(CultureInfo.InvariantCulture);
        headers["x-ratelimit-reset"] = decision.ResetUnixSeconds.ToString(CultureInfo.InvariantCulture);
        if (decision.Allowed)
        {
            await next(context);
            return;
        }

        if (kind.IsMyAccount)
        {
            // The My Account API documents Retry-After on every 429, and marks the tenant-wide limit's.
            headers.RetryAfter = ((int)decision.RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            var global = decision.BucketName.StartsWith(PlanProfiles.MyAccountTenantBucket, StringComparison.Ordinal);
            if (global)
            {
                headers["x-auth0-error-kind"] = "global-rate-limit";
            }

            await MyAccount.MyAccountErrors.TooManyRequests(global).ExecuteAsync(context);
            return;
        }

        if (registry.SendRetryAfter)
        {
            headers.RetryAfter = ((int)decision.RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        }

        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        if (kind.IsManagement)
        {
            await context.Response.WriteAsJsonAsync(new Dictionary<string, object>
            {
                ["statusCode"] = 429,
                ["error"] = "Too Many Requests",
                ["message"] = "Global limit has been reached",
                ["errorCode"] = "too_many_requests",
            }, (JsonSerializerOptions?)null, "application/json; charset=utf-8");
        }
        else
        {
            await context.Response.WriteAsJsonAsync(new Dictionary<string, string>
            {
                ["error"] = "too_many_requests",
                ["error_description"] = "Global limit has been reached",
            }, (JsonSerializerOptions?)null, "application/json");
        }
    }

    /// <summary>The <c>sub</c> of the bearer token, read without validation (the endpoint validates it; a forged token only
    /// spends its own bucket). Anything unreadable shares one bucket.</summary>
    private static string BearerSubject(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : "";
        var handler = new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler();
        return handler.CanReadToken(token) && handler.ReadJsonWebToken(token).Subject is { Length: > 0 } subject ? subject : "unreadable";
    }

    private static async Task<string?> ReadEmailAsync(HttpRequest request)
    {
        if (request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) != true)
        {
            return request.HasFormContentType ? (await request.ReadFormAsync()).TryGetValue("email", out var value) ? value.ToString() : null : null;
        }

        request.EnableBuffering();
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("email", out var email)
                && email.ValueKind == JsonValueKind.String ? email.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
        finally
        {
            request.Body.Position = 0;
        }
    }
}
