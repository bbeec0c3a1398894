using Profiles.Core.Profiles;

namespace Profiles.Web.Freshness;

/// <summary>The profile values the session cookie carries (name, picture, email and whether it is verified), kept in step with
/// the profile the portal last read.</summary>
public interface ISessionClaims
{
    /// <summary>Re-issues the session cookie, and the request's principal, when <paramref name="profile"/> differs from the
    /// session's claims; does nothing otherwise. The session keeps its id, sign-in time and <c>auth_time</c>.</summary>
    Task UpdateAsync(HttpContext httpContext, UserProfile profile);
}
