using System.Globalization;
using System.Text.RegularExpressions;
using Profiles.Core.Management;
using Profiles.Web.Authentication;

namespace Profiles.Web.Hosting;

/// <summary>
/// Every Management API answer a page did not turn into a result gets a deliberate outcome here, in every environment (never
/// the developer exception page or a 500):
/// <list type="bullet">
/// <item>404 for the signed-in user: the account was deleted while signed in; the session ends and the user lands on
/// <c>/account/gone</c>.</item>
/// <item>403: the portal's Management client lacks a scope; the user sees a page saying the portal cannot do this, the operator a
/// log line naming the missing scope (no personal data).</item>
/// <item>429, 5xx, timeouts beyond the request's budget: the busy page with when to try again (503 + <c>Retry-After</c>).</item>
/// </list>
/// The two error pages are rendered by the status code pages (re-executed <c>/error/{code}</c>), which read
/// <see cref="Of"/>. Any other failure keeps throwing: it is a bug, not an answer.
/// </summary>
public sealed partial class Auth0AnswerMiddleware(RequestDelegate next, ILogger<Auth0AnswerMiddleware> logger)
{
    /// <summary>Where a signed-in user whose account no longer exists ends up.</summary>
    public const string GonePath = "/account/gone";

    private const string ItemKey = "Profiles.Auth0Refusal";
    private const string FailureItemKey = "Profiles.Auth0Failure";

    /// <summary>The refusal recorded for this request, if any, and the failure behind it.</summary>
    public static (Auth0Refusal Refusal, ManagementApiException Failure)? Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items.TryGetValue(ItemKey, out var refusal) && refusal is Auth0Refusal kind
            && context.Items.TryGetValue(FailureItemKey, out var failure) && failure is ManagementApiException exception
            ? (kind, exception)
            : null;
    }

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            await next(context);
        }
        catch (ManagementApiException ex) when (!context.Response.HasStarted && Classify(context, ex) is { } outcome)
        {
            context.Response.Clear();
            switch (outcome)
            {
                case Outcome.AccountGone:
                    LogAccountGone(logger);
                    await EndSessionAsync(context);
                    context.Response.StatusCode = StatusCodes.Status303SeeOther;
                    context.Response.Headers.Location = GonePath;
                    return;
                case Outcome.Forbidden:
                    LogForbidden(logger, MissingScopes(ex.ApiMessage), ex.ErrorCode);
                    Mark(context, Auth0Refusal.Forbidden, ex);
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return;
                default:
                    LogUnavailable(logger, (int)ex.StatusCode, ex.ErrorCode);
                    Mark(context, Auth0Refusal.Unavailable, ex);
                    context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                    context.Response.Headers.RetryAfter = RetryAfterSeconds(ex).ToString(CultureInfo.InvariantCulture);
                    return;
            }
        }
    }

    /// <summary>Whole seconds until trying again is worthwhile (at least 1; 30 when Auth0 did not say).</summary>
    public static int RetryAfterSeconds(ManagementApiException failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return Math.Max(1, (int)Math.Ceiling((failure.RateLimit?.RetryAfter ?? TimeSpan.FromSeconds(30)).TotalSeconds));
    }

    /// <summary>The scope names in Auth0's 403 message ("Insufficient scope, expected any of: read:users"): scope-shaped words
    /// only, so nothing else of the message reaches the log.</summary>
    public static string MissingScopes(string? apiMessage)
    {
        var scopes = apiMessage is null ? [] : ScopePattern().Matches(apiMessage).Select(m => m.Value).Distinct(StringComparer.Ordinal).ToList();
        return scopes.Count == 0 ? "(not named by Auth0)" : string.Join(' ', scopes);
    }

    private static Outcome? Classify(HttpContext context, ManagementApiException ex)
    {
        if (ex.IsTransient)
        {
            return Outcome.Unavailable;
        }

        if ((int)ex.StatusCode == StatusCodes.Status403Forbidden)
        {
            return Outcome.Forbidden;
        }

        // Only the signed-in user's own record is read with their id; a 404 there means the account is gone.
        return (int)ex.StatusCode == StatusCodes.Status404NotFound && context.User.Identity?.IsAuthenticated == true
            ? Outcome.AccountGone
            : null;
    }

    private static void Mark(HttpContext context, Auth0Refusal refusal, ManagementApiException failure)
    {
        context.Items[ItemKey] = refusal;
        context.Items[FailureItemKey] = failure;
    }

    private static async Task EndSessionAsync(HttpContext context)
    {
        var signOut = context.RequestServices.GetRequiredService<IPortalSignOut>();
        await signOut.SignOutAsync(context, context.RequestAborted);
    }

    private enum Outcome
    {
        AccountGone,
        Forbidden,
        Unavailable,
    }

    [GeneratedRegex(@"\b[a-z_]+:[a-z_]+\b", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex ScopePattern();

    [LoggerMessage(EventId = 5101, Level = LogLevel.Warning, Message = "The signed-in user no longer exists at Auth0 (404); the session was ended")]
    private static partial void LogAccountGone(ILogger logger);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Error,
        Message = "Auth0 refused the portal's Management API client (403, {ErrorCode}); grant it the missing scope(s): {MissingScopes}")]
    private static partial void LogForbidden(ILogger logger, string missingScopes, string? errorCode);

    [LoggerMessage(EventId = 5103, Level = LogLevel.Warning, Message = "Auth0 could not answer within the request's budget ({Status}, {ErrorCode}); the user was told to try again")]
    private static partial void LogUnavailable(ILogger logger, int status, string? errorCode);
}
