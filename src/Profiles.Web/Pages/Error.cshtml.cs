using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Profiles.Core.Management;
using Profiles.Web.Hosting;

namespace Profiles.Web.Pages;

/// <summary>Every failure ends here, never on a blank page: unexpected exceptions (with the correlation id the operator can look
/// up in the logs) and every error status without a body (400–503, re-executed by the status code pages), each with a heading,
/// what happened and a way back. When the failure was Auth0 being unavailable or over its rate limit (after the retries the
/// budget allowed), the page says so, answers 503 with <c>Retry-After</c>, and tells the user when to try again. A refused form
/// says why (<see cref="FormFailure"/>) and links back to its page.</summary>
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    private static readonly int[] ExplainedStatuses = [400, 403, 404, 405, 429, 503];

    public string CorrelationId { get; private set; } = "";

    public bool Auth0Unavailable { get; private set; }

    /// <summary>Whole seconds until a retry is worthwhile (at least 1).</summary>
    public int RetryAfterSeconds { get; private set; }

    /// <summary>Resource key prefix of the heading and the explanation (<c>.Title</c>, <c>.Body</c>).</summary>
    public string MessageKey { get; private set; } = "Error";

    /// <summary>A local path back to where the user was (the page whose form was refused), or the home page.</summary>
    public string BackUrl { get; private set; } = "/";

    /// <summary>True when <see cref="BackUrl"/> is the page the user was on, not the home page.</summary>
    public bool BackToPage { get; private set; }

    public void OnGet() => Describe();

    public void OnPost() => Describe();

    private void Describe()
    {
        CorrelationId = HttpContext.TraceIdentifier;
        var reExecuted = HttpContext.Features.Get<IStatusCodeReExecuteFeature>();
        if (Auth0AnswerMiddleware.Of(HttpContext) is { } answer)
        {
            DescribeAuth0Answer(answer.Refusal, answer.Failure);
            return;
        }

        if (reExecuted is not null)
        {
            var status = reExecuted.OriginalStatusCode;
            MessageKey = FormFailureFilter.Of(HttpContext) is { } failure ? "Error.Form." + failure
                : ExplainedStatuses.Contains(status) ? "Error." + status.ToString(CultureInfo.InvariantCulture)
                : "Error";
            if (status != StatusCodes.Status404NotFound && IsLocalPath(reExecuted.OriginalPath))
            {
                BackUrl = reExecuted.OriginalPath + reExecuted.OriginalQueryString;
                BackToPage = true;
            }

            return;
        }

        if (HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error is not ManagementApiException { IsTransient: true } unavailable)
        {
            return;
        }

        DescribeAuth0Answer(Auth0Refusal.Unavailable, unavailable);
    }

    /// <summary>An Auth0 answer no page turned into a result (<see cref="Auth0AnswerMiddleware"/>).</summary>
    private void DescribeAuth0Answer(Auth0Refusal refusal, ManagementApiException failure)
    {
        if (refusal == Auth0Refusal.Forbidden)
        {
            MessageKey = "Error.Auth0Forbidden";
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        Auth0Unavailable = true;
        MessageKey = "Error.Unavailable";
        RetryAfterSeconds = Auth0AnswerMiddleware.RetryAfterSeconds(failure);
        Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Only a path on this site: never <c>//host</c> or <c>/\host</c>, which browsers treat as another site.</summary>
    private static bool IsLocalPath(string? path) =>
        !string.IsNullOrEmpty(path) && path[0] == '/' && (path.Length == 1 || (path[1] != '/' && path[1] != '\\'))
        && !path.StartsWith("/error", StringComparison.OrdinalIgnoreCase);
}
