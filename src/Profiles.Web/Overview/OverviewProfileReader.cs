using System.Security.Claims;
using System.Text.Json.Nodes;
using Profiles.Core.Management;
using Profiles.Core.Profiles;
using Profiles.Web.Authentication;

namespace Profiles.Web.Overview;

/// <summary>
/// The overview's profile: Auth0's when it answers; otherwise (busy, unreachable, the portal not allowed to read users) what the
/// ID token of this sign-in said, so the user still sees who they are signed in as. A 404 keeps throwing: the account is gone
/// and the session must end.
/// </summary>
public sealed class OverviewProfileReader(IProfileService profiles, ICurrentUser currentUser, IHttpContextAccessor accessor)
{
    public async Task<OverviewProfile> ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            return new OverviewProfile(await profiles.GetProfileAsync(currentUser.UserId, cancellationToken), false);
        }
        catch (ManagementApiException ex) when (ex.IsTransient || (int)ex.StatusCode == StatusCodes.Status403Forbidden)
        {
            return new OverviewProfile(FromIdToken(currentUser.UserId, accessor.HttpContext?.User), true);
        }
    }

    private static UserProfile FromIdToken(string userId, ClaimsPrincipal? user)
    {
        string? Claim(string type) => user?.FindFirst(type)?.Value;
        return new UserProfile(userId, Claim(PortalClaimTypes.Email),
            string.Equals(Claim(PortalClaimTypes.EmailVerified), "true", StringComparison.OrdinalIgnoreCase),
            Claim(PortalClaimTypes.Name), null, null, null, Claim(PortalClaimTypes.Picture), null, null, [], new JsonObject(), new JsonObject(),
            ProfileIsReadOnly: true, PrimaryConnection: "", HasDatabaseIdentity: false);
    }
}
