using Profiles.Core.Management;
using Profiles.Core.Profiles;
using Profiles.Web.Authentication;

namespace Profiles.Web.Preferences;

/// <summary>Shows an instant in the signed-in user's time zone (their <c>time_zone</c> preference, from the cached profile the
/// page reads anyway); in UTC, saying so, when nobody is signed in, no zone is set or the profile cannot be read.</summary>
public sealed class CurrentUserClock(IProfileService profiles, ICurrentUser currentUser)
{
    public async Task<string> FormatAsync(DateTimeOffset instant, CancellationToken cancellationToken)
    {
        if (!currentUser.IsAuthenticated)
        {
            return UserClock.Format(instant, []);
        }

        try
        {
            var profile = await profiles.GetProfileAsync(currentUser.UserId, cancellationToken);
            return UserClock.Format(instant, profile.UserMetadata);
        }
        catch (ManagementApiException)
        {
            return UserClock.Format(instant, []);
        }
    }
}
