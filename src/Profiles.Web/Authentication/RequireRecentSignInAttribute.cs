using Microsoft.AspNetCore.Mvc.Filters;

namespace Profiles.Web.Authentication;

/// <summary>
/// On a page model: its POST handlers run only when the user signed in within the recent sign-in window. Otherwise the form
/// the user submitted is kept (without passwords), Auth0 asks for their credentials again and they come back to the page with
/// the form filled in. GET handlers are not affected.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class RequireRecentSignInAttribute : Attribute, IFilterFactory
{
    public bool IsReusable => false;

    public IFilterMetadata CreateInstance(IServiceProvider serviceProvider) =>
        ActivatorUtilities.CreateInstance<RecentSignInFilter>(serviceProvider);
}
