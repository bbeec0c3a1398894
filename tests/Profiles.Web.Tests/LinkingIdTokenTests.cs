using System.Net;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Profiles.Core.Activity;
using Profiles.Web.SignInMethods;
using Profiles.Web.Tests.Infrastructure;

namespace Profiles.Web.Tests;

/// <summary>The second authorization's ID token goes through the same checks as the portal sign-in: a token for another client,
/// with a wrong nonce or an old <c>auth_time</c> never becomes a candidate, and the portal session stays as it was.</summary>
public sealed class LinkingIdTokenTests() : SignedInPortalTests(SampleProfiles.Alice())
{
    public static TheoryData<string> Defects => ["another-client", "wrong-nonce", "missing-nonce", "stale-auth-time", "missing-auth-time", "wrong-issuer"];

    [Theory]
    [MemberData(nameof(Defects))]
    public async Task A_bad_id_token_from_the_second_sign_in_is_refused(string defect)
    {
        var list = await PortalSession.GetDocumentAsync(Client, "/signinmethods");
        var start = await PortalSession.PostFormAsync(Client, "/signinmethods?handler=Link",
            [new("__RequestVerificationToken", PortalSession.AntiforgeryToken(list)), new("Input.Connection", "github")]);
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        Assert.Equal("github", QueryHelpers.ParseQuery(start.Headers.Location!.Query)["connection"].ToString());
        Provider.ShapeToken = spec =>
        {
            spec.Subject = "github|999";
            switch (defect)
            {
                case "another-client": spec.Audience = "some-other-client"; break;
                case "wrong-nonce": spec.Nonce = "not-the-nonce-we-sent"; break;
                case "missing-nonce": spec.Nonce = null; break;
                case "stale-auth-time": spec.AuthTime = DateTimeOffset.UtcNow.AddMinutes(-10); break;
                case "missing-auth-time": spec.AuthTime = null; break;
                case "wrong-issuer": spec.Issuer = "https://evil.example/"; break;
            }
        };

        var callback = await PortalSession.CompleteAsync(Client, start.Headers.Location!);

        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.Equal("/signinmethods?problem=invalid_token", callback.Headers.Location!.OriginalString);
        Assert.Null(PortalSession.SetCookieHeader(callback, "__Host-" + LinkAuthentication.CandidateCookieName));
        Assert.Null(PortalSession.SetCookieHeader(callback, "__Host-profiles"));
        var page = await PortalSession.GetDocumentAsync(Client, callback.Headers.Location.OriginalString);
        Assert.Contains("could not confirm the sign-in with the other account", page.QuerySelector(".form-error")!.TextContent, StringComparison.Ordinal);
        // Still signed in as Alice, and nothing is waiting to be linked.
        Assert.NotNull(page.QuerySelector("nav.account-nav"));
        var preview = await Client.GetAsync(LinkAuthentication.PreviewPath);
        Assert.Equal("/signinmethods", preview.Headers.Location!.OriginalString);
        var events = await Portal.Services.GetRequiredService<ISecurityEventLog>().ListRecentAsync(FakeOidcProvider.Subject, 10, CancellationToken.None);
        Assert.Contains(events, e => e.Action == SecurityActions.IdentityLinked && e.Outcome == SecurityOutcomes.Refused && e.Detail == "invalid_token");
    }

    [Fact]
    public async Task A_valid_second_sign_in_becomes_a_candidate_without_touching_the_portal_session()
    {
        var list = await PortalSession.GetDocumentAsync(Client, "/signinmethods");
        var start = await PortalSession.PostFormAsync(Client, "/signinmethods?handler=Link",
            [new("__RequestVerificationToken", PortalSession.AntiforgeryToken(list)), new("Input.Connection", "github")]);
        Provider.ShapeToken = spec => spec.Subject = "github|999";

        var callback = await PortalSession.CompleteAsync(Client, start.Headers.Location!);

        Assert.Equal(LinkAuthentication.PreviewPath, callback.Headers.Location!.OriginalString);
        Assert.NotNull(PortalSession.SetCookieHeader(callback, "__Host-" + LinkAuthentication.CandidateCookieName));
        Assert.Null(PortalSession.SetCookieHeader(callback, "__Host-profiles"));
    }
}
