using System.Net;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Profiles.Core.Management;
using Profiles.Web.Pages;

namespace Profiles.Web.Tests;

/// <summary>Outside Development, failures end on <c>/error</c>. When the failure was Auth0 unavailable or over its rate limit
/// after the retries, the page says the service is busy and when to try again (503 with Retry-After) instead of the generic
/// error. (In Development the developer exception page shows instead, so this is tested on the page model.)</summary>
public sealed class Auth0UnavailableTests
{
    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests, null, 7, 7)]
    [InlineData(HttpStatusCode.ServiceUnavailable, null, null, 30)]
    [InlineData(HttpStatusCode.InternalServerError, ManagementApiException.TimeoutErrorCode, null, 30)]
    public void Auth0_unavailable_answers_503_with_when_to_retry(HttpStatusCode status, string? errorCode, int? retryAfter, int expectedSeconds)
    {
        var rateLimit = retryAfter is { } seconds ? new RateLimitInfo(null, null, null, TimeSpan.FromSeconds(seconds)) : null;
        var page = ErrorPageFor(new ManagementApiException(status, errorCode, "busy", rateLimit));

        page.OnGet();

        Assert.True(page.Auth0Unavailable);
        Assert.Equal(expectedSeconds, page.RetryAfterSeconds);
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, page.HttpContext.Response.StatusCode);
        Assert.Equal(expectedSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture), page.HttpContext.Response.Headers.RetryAfter.ToString());
    }

    [Fact]
    public void Other_failures_keep_the_generic_error()
    {
        var refused = ErrorPageFor(new ManagementApiException(HttpStatusCode.BadRequest, "invalid_body", "bad", null));
        var unexpected = ErrorPageFor(new InvalidOperationException("bug"));

        refused.OnGet();
        unexpected.OnPost();

        Assert.False(refused.Auth0Unavailable);
        Assert.False(unexpected.Auth0Unavailable);
        Assert.Equal(StatusCodes.Status200OK, unexpected.HttpContext.Response.StatusCode);
    }

    private static ErrorModel ErrorPageFor(Exception failure)
    {
        var context = new DefaultHttpContext { TraceIdentifier = "corr-1" };
        context.Features.Set<IExceptionHandlerFeature>(new ExceptionHandlerFeature { Error = failure, Path = "/profile" });
        return new ErrorModel { PageContext = new Microsoft.AspNetCore.Mvc.RazorPages.PageContext { HttpContext = context } };
    }
}
