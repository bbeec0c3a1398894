namespace Profiles.Web.Hosting;

/// <summary>Why the error page is showing an Auth0 answer (set by <see cref="Auth0AnswerMiddleware"/> for the re-executed error
/// page).</summary>
public enum Auth0Refusal
{
    /// <summary>Auth0 refused the portal (403: the Management API client lacks a scope): the operator must fix the set-up.</summary>
    Forbidden,

    /// <summary>Auth0 is busy or unreachable after the retries the request's budget allowed (429, 5xx, timeout).</summary>
    Unavailable,
}
