using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Profiles.Web.Authentication;

namespace Profiles.Web.Tests.Journeys;

/// <summary>
/// The portal's recent sign-in check on the test's movable clock, but the re-authentication challenge stamped with real time.
/// <see cref="Infrastructure.TenantPortalTests.MakeSignInStale"/> moves the portal clock 10 minutes ahead; the challenge records
/// that moment as its request time, while the tenant (real clock) issues the new <c>auth_time</c>, so the portal would refuse
/// the re-authentication as older than the request. Only the stamp uses the real clock here; the checks are the real ones.
/// </summary>
internal sealed class RealTimeChallenges(RecentSignIn check, RecentSignIn challenge) : IRecentSignIn
{
    public TimeSpan Window => check.Window;

    public DateTimeOffset? AuthenticatedAt => check.AuthenticatedAt;

    public bool IsRecent => check.IsRecent;

    public TimeSpan Remaining => check.Remaining;

    public AuthenticationProperties CreateChallenge(string returnUrl) => challenge.CreateChallenge(returnUrl);

    public static void Register(IServiceCollection services, TimeProvider clock) =>
        services.AddScoped<IRecentSignIn>(sp =>
        {
            var accessor = sp.GetRequiredService<IHttpContextAccessor>();
            var user = sp.GetRequiredService<ICurrentUser>();
            var options = sp.GetRequiredService<IOptions<RecentSignInOptions>>();
            return new RealTimeChallenges(new RecentSignIn(accessor, user, clock, options), new RecentSignIn(accessor, user, TimeProvider.System, options));
        });
}
