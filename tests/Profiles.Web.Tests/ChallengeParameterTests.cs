using System.Net;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OAuth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Profiles.Web.Tests.Infrastructure;

namespace Profiles.Web.Tests;

/// <summary>The re-authentication challenge (sensitive actions) asks Auth0 for a fresh login: prompt and max_age reach /authorize.</summary>
public sealed class ChallengeParameterTests : IAsyncLifetime
{
    private FakeOidcProvider _provider = null!;
    private PortalFactory _portal = null!;

    public async Task InitializeAsync()
    {
        _provider = await FakeOidcProvider.StartAsync();
        _portal = new PortalFactory(_provider.BaseUrl, configureServices: services => services.AddSingleton<IStartupFilter, ReauthEndpoint>());
    }

    public async Task DisposeAsync()
    {
        await _portal.DisposeAsync();
        await _provider.DisposeAsync();
    }

    [Fact]
    public async Task Prompt_and_max_age_from_the_challenge_are_sent_to_authorize_with_the_nonce()
    {
        var client = _portal.CreatePortalClient();

        var response = await client.GetAsync("/_test/reauth");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var query = QueryHelpers.ParseQuery(response.Headers.Location!.Query);
        Assert.Equal("login", query["prompt"]);
        Assert.Equal("0", query["max_age"]);
        Assert.False(string.IsNullOrEmpty(query["nonce"]));
        Assert.False(query.ContainsKey("unlisted"));
        var callback = await PortalSession.CompleteAsync(client, response.Headers.Location!);
        Assert.Equal("/profile", callback.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_stale_auth_time_after_a_max_age_challenge_is_refused()
    {
        _provider.ShapeToken = spec => spec.AuthTime = DateTimeOffset.UtcNow.AddMinutes(-10);
        var client = _portal.CreatePortalClient();
        var challenge = await client.GetAsync("/_test/reauth");

        var callback = await PortalSession.CompleteAsync(client, challenge.Headers.Location!);

        Assert.Equal("/account/signin-error?reason=invalid_token", callback.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_missing_auth_time_after_a_max_age_challenge_is_refused()
    {
        _provider.ShapeToken = spec => spec.AuthTime = null;
        var client = _portal.CreatePortalClient();
        var challenge = await client.GetAsync("/_test/reauth");

        var callback = await PortalSession.CompleteAsync(client, challenge.Headers.Location!);

        Assert.Equal("/account/signin-error?reason=invalid_token", callback.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task An_ordinary_sign_in_accepts_an_old_auth_time_from_an_existing_session()
    {
        _provider.ShapeToken = spec => spec.AuthTime = DateTimeOffset.UtcNow.AddHours(-3);

        await PortalSession.SignInSuccessfullyAsync(_portal.CreatePortalClient());
    }

    private sealed class ReauthEndpoint : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            // Not Map(): that would move the path into PathBase and so into the callback URL.
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Path != "/_test/reauth")
                {
                    return nextMiddleware(context);
                }

                var properties = new OAuthChallengeProperties { RedirectUri = "/profile" };
                properties.SetParameter("prompt", "login");
                properties.SetParameter("max_age", "0");
                properties.SetParameter("unlisted", "dropped");
                return context.ChallengeAsync("Auth0", properties);
            });
            next(app);
        };
    }
}
