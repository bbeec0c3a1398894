using System.Net;
using Profiles.LocalTenant.Data;
using Profiles.Web.Tests.Infrastructure;

namespace Profiles.Web.Tests.Terms;

/// <summary>The user is deleted at the tenant while signed in: the next page that asks Auth0 gets a 404, the portal session
/// ends and the user lands on "this account no longer exists" (never a 500).</summary>
public sealed class AccountGoneTests : TenantPortalTests
{
    private const string AliceId = "auth0|64b97a87b6c808c6f9cc0001";

    protected override IDictionary<string, string?> PortalSettings => new Dictionary<string, string?>
    {
        ["Auth0:Management:ProfileCacheSeconds"] = "0",
    };

    [Fact]
    public async Task A_404_for_the_signed_in_user_ends_the_session_on_the_account_gone_page()
    {
        await SignInAsync("alice@example.com", "Alice-demo-2026");
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/")).StatusCode);

        Tenant.Store.Write(w => w.Remove<TenantUser>(AliceId));
        var overview = await Client.GetAsync("/");

        Assert.Equal(HttpStatusCode.SeeOther, overview.StatusCode);
        Assert.Equal("/account/gone", overview.Headers.Location!.OriginalString);
        var gone = await GetPageAsync("/account/gone");
        Assert.Equal("This account no longer exists", gone.QuerySelector("h1")!.TextContent.Trim());
        var profile = await Client.GetAsync("/profile");
        Assert.Equal(HttpStatusCode.Redirect, profile.StatusCode);
        Assert.StartsWith(Tenant.BaseUrl + "/authorize", profile.Headers.Location!.AbsoluteUri, StringComparison.Ordinal);
    }
}
