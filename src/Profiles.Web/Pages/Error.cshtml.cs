using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Profiles.Core.Management;

namespace Profiles.Web.Pages;

/// <summary>Unexpected failures end here, with the correlation id the operator can look up in the logs. When the failure was
/// Auth0 being unavailable or over its rate limit (after the retries the budget allowed), the page says so, answers 503 with
/// <c>Retry-After</c>, and tells the user when to try again.</summary>
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public string CorrelationId { get; private set; } = "";

    public bool Auth0Unavailable { get; private set; }

    /// <summary>Whole seconds until a retry is worthwhile (at least 1).</summary>
    public int RetryAfterSeconds { get; private set; }

    public void OnGet() => Describe();

    public void OnPost() => Describe();

    private void Describe()
    {
        CorrelationId = HttpContext.TraceIdentifier;
        if (HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error is not ManagementApiException { IsTransient: true } failure)
        {
            return;
        }

        Auth0Unavailable = true;
        RetryAfterSeconds = Math.Max(1, (int)Math.Ceiling((failure.RateLimit?.RetryAfter ?? TimeSpan.FromSeconds(30)).TotalSeconds));
        Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
    }
}
