using System.Net;
using Microsoft.IdentityModel.Tokens;
using Profiles.Web.Tests.Infrastructure;

namespace Profiles.Web.Tests;

/// <summary>ID tokens that fail any check are refused with the friendly page and no session cookie.</summary>
public sealed class IdTokenValidationTests : FakeProviderPortalTests
{
    public static TheoryData<string> BadTokens => ["wrong-nonce", "missing-nonce", "wrong-audience", "wrong-issuer", "issuer-without-trailing-slash", "expired", "bad-signature", "future-auth-time", "hs256", "several-audiences-without-azp", "azp-of-another-client", "single-audience-azp-of-another-client", "missing-iat"];

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task Invalid_id_tokens_are_refused_with_the_friendly_page_and_no_cookie(string defect)
    {
        Provider.ShapeToken = spec => Break(spec, defect);
        var client = Portal.CreatePortalClient();

        var callback = await PortalSession.SignInAsync(client);

        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.Equal("/account/signin-error?reason=invalid_token", callback.Headers.Location!.OriginalString);
        Assert.Null(PortalSession.SetCookieHeader(callback, "__Host-profiles"));
        var page = await client.GetAsync(callback.Headers.Location.OriginalString);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("We could not confirm your sign-in", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var home = await PortalSession.GetDocumentAsync(client, "/");
        Assert.Null(home.QuerySelector("nav.account-nav"));
    }

    [Fact]
    public async Task Several_audiences_are_accepted_when_azp_names_this_client()
    {
        Provider.ShapeToken = spec =>
        {
            spec.ExtraAudiences.Add("https://api.example/");
            spec.Claims["azp"] = FakeOidcProvider.ClientId;
        };

        await PortalSession.SignInSuccessfullyAsync(Portal.CreatePortalClient());
    }

    [Fact]
    public async Task Lifetime_allows_sixty_seconds_of_clock_skew()
    {
        Provider.ShapeToken = spec =>
        {
            spec.IssuedAt = DateTimeOffset.UtcNow.AddMinutes(-10);
            spec.Expires = DateTimeOffset.UtcNow.AddSeconds(-20);
        };
        var client = Portal.CreatePortalClient();

        await PortalSession.SignInSuccessfullyAsync(client);
    }

    [Fact]
    public async Task An_unknown_kid_refreshes_the_jwks_once_and_then_accepts_the_rotated_key()
    {
        await PortalSession.SignInSuccessfullyAsync(Portal.CreatePortalClient());
        var fetchesBefore = Provider.JwksRequests;
        var rotated = FakeOidcProvider.NewKey("key-2");
        Provider.PublishedKeys.Add(rotated);
        Provider.ShapeToken = spec => spec.SigningCredentials = new SigningCredentials(rotated, SecurityAlgorithms.RsaSha256);

        await PortalSession.SignInSuccessfullyAsync(Portal.CreatePortalClient());

        Assert.Equal(fetchesBefore + 1, Provider.JwksRequests);
    }

    [Fact]
    public async Task A_kid_that_stays_unknown_after_one_refresh_is_refused()
    {
        await PortalSession.SignInSuccessfullyAsync(Portal.CreatePortalClient());
        var fetchesBefore = Provider.JwksRequests;
        var unpublished = FakeOidcProvider.NewKey("key-unpublished");
        Provider.ShapeToken = spec => spec.SigningCredentials = new SigningCredentials(unpublished, SecurityAlgorithms.RsaSha256);

        var callback = await PortalSession.SignInAsync(Portal.CreatePortalClient());

        Assert.Equal("/account/signin-error?reason=invalid_token", callback.Headers.Location!.OriginalString);
        Assert.Equal(fetchesBefore + 1, Provider.JwksRequests);
    }

    private void Break(IdTokenSpec spec, string defect)
    {
        switch (defect)
        {
            case "wrong-nonce":
                spec.Nonce = "a-nonce-the-portal-never-sent";
                break;
            case "missing-nonce":
                spec.Nonce = null;
                break;
            case "wrong-audience":
                spec.Audience = "another-application";
                break;
            case "wrong-issuer":
                spec.Issuer = "https://attacker.example/";
                break;
            case "issuer-without-trailing-slash":
                spec.Issuer = Provider.BaseUrl;
                break;
            case "expired":
                spec.IssuedAt = DateTimeOffset.UtcNow.AddHours(-11);
                spec.Expires = DateTimeOffset.UtcNow.AddMinutes(-5);
                break;
            case "bad-signature":
                // Same kid as the published key, different private key: the signature cannot verify.
                spec.SigningCredentials = new SigningCredentials(FakeOidcProvider.NewKey(Provider.SigningKey.KeyId!), SecurityAlgorithms.RsaSha256);
                break;
            case "future-auth-time":
                spec.AuthTime = DateTimeOffset.UtcNow.AddMinutes(10);
                break;
            case "hs256":
                spec.SigningCredentials = new SigningCredentials(
                    new SymmetricSecurityKey(System.Text.Encoding.UTF8.GetBytes(FakeOidcProvider.ClientSecret.PadRight(32, '!'))),
                    SecurityAlgorithms.HmacSha256);
                break;
            case "several-audiences-without-azp":
                spec.ExtraAudiences.Add("https://api.example/");
                break;
            case "azp-of-another-client":
                spec.ExtraAudiences.Add("https://api.example/");
                spec.Claims["azp"] = "another-application";
                break;
            case "single-audience-azp-of-another-client":
                spec.Claims["azp"] = "another-application";
                break;
            case "missing-iat":
                spec.IssuedAt = default;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(defect), defect, null);
        }
    }
}
