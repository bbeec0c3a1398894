namespace Profiles.Web.Authentication;

/// <summary>Reads the signed-in user from the request's principal.</summary>
public sealed class CurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    public bool IsAuthenticated => accessor.HttpContext?.User.Identity?.IsAuthenticated == true &&
                                   !string.IsNullOrEmpty(FindClaim(PortalClaimTypes.Subject));

    public string UserId => FindClaim(PortalClaimTypes.Subject)
                            ?? throw new InvalidOperationException("No signed-in user: the page must require sign-in.");

    public string? DisplayName => FindClaim(PortalClaimTypes.Name);

    public string? PortalSessionId => FindClaim(PortalClaimTypes.PortalSessionId);

    public string? Auth0SessionId => FindClaim(PortalClaimTypes.SessionId);

    private string? FindClaim(string type) => accessor.HttpContext?.User.FindFirst(type)?.Value;
}
