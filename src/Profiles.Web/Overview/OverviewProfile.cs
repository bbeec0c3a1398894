using Profiles.Core.Profiles;

namespace Profiles.Web.Overview;

/// <summary>The profile the overview shows.</summary>
/// <param name="FromIdToken">True when Auth0 could not give the profile and it was built from the sign-in's ID token (name,
/// email, picture only); the page then says so.</param>
public sealed record OverviewProfile(UserProfile Profile, bool FromIdToken);
