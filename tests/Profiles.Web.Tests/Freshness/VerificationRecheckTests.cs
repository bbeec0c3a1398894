using Microsoft.AspNetCore.Http;
using Profiles.Web.Freshness;

namespace Profiles.Web.Tests.Freshness;

/// <summary>When the portal reads the profile from Auth0 again for an unverified user: arriving from outside the portal or
/// reloading, never when moving between its own pages.</summary>
public sealed class VerificationRecheckTests
{
    [Theory]
    [InlineData("cross-site", null, true)]
    [InlineData("same-site", null, true)]
    [InlineData("none", null, true)]
    [InlineData("same-origin", "max-age=0", true)]
    [InlineData("same-origin", "no-cache", true)]
    [InlineData("same-origin", null, false)]
    [InlineData(null, null, false)]
    public void Only_an_arrival_from_elsewhere_or_a_reload_rechecks(string? fetchSite, string? cacheControl, bool expected)
    {
        var request = new DefaultHttpContext().Request;
        if (fetchSite is not null)
        {
            request.Headers["Sec-Fetch-Site"] = fetchSite;
        }

        if (cacheControl is not null)
        {
            request.Headers.CacheControl = cacheControl;
        }

        Assert.Equal(expected, FreshProfileFilter.VerificationMayHaveHappened(request));
    }
}
