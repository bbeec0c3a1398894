using System.Net;
using Microsoft.AspNetCore.WebUtilities;
using Profiles.Web.Tests.Infrastructure;

namespace Profiles.Web.Tests;

/// <summary>The sign-in redirect carries the portal's language as <c>ui_locales</c>, so Auth0's (and the local tenant's) login
/// page speaks it.</summary>
public sealed class SignInLanguageTests : FakeProviderPortalTests
{
    [Theory]
    [InlineData("fr-FR,fr;q=0.9", "fr")]
    [InlineData(null, "en")]
    public async Task The_sign_in_redirect_sends_the_current_language_as_ui_locales(string? acceptLanguage, string expected)
    {
        var client = Portal.CreatePortalClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account/login");
        if (acceptLanguage is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
        }

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, QueryHelpers.ParseQuery(response.Headers.Location!.Query)["ui_locales"]);
    }
}
