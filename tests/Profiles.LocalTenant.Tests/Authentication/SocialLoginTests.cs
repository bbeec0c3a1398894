using System.Net;
using Profiles.LocalTenant.Tests.Infrastructure;

namespace Profiles.LocalTenant.Tests.Authentication;

public sealed class SocialLoginTests(TenantFixture fixture) : IClassFixture<TenantFixture>
{
    private static async Task<string> OpenProviderAsync(TenantBrowser browser, string connection)
    {
        using var authorize = await browser.GetAsync(TenantBrowser.AuthorizeUrl("prompt=login&connection=" + connection));
        using var chooser = await browser.GetAsync(authorize.Headers.Location!.OriginalString);
        return await browser.GetHtmlAsync(chooser.Headers.Location!.OriginalString);
    }

    private static Dictionary<string, string> Profile(string userId, string email, string name, bool verified = true) => new()
    {
        ["user_id"] = userId,
        ["email"] = email,
        ["email_verified"] = verified ? "true" : "false",
        ["name"] = name,
        ["given_name"] = name.Split(' ')[0],
        ["family_name"] = name.Split(' ')[^1],
    };

    [Fact]
    public async Task A_new_social_identity_creates_a_user_with_the_provider_attributes()
    {
        using var browser = new TenantBrowser(fixture);
        var html = await OpenProviderAsync(browser, "google-oauth2");
        Assert.Contains("name=\"user_id\" value=\"103547991597142817347\"", html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"user_id\">", html, StringComparison.Ordinal);

        using var response = await browser.SubmitAsync(html, "/login/social/google-oauth2", Profile("998877665544", "Gina.New@Gmail.example", "Gina New"),
            containing: "id=\"user_id\"");
        var callback = TenantBrowser.CallbackParameters(response, TenantFixture.PortalCallback);
        var (_, tokens) = await browser.ExchangeAsync(callback["code"]);
        var idToken = await TokenValidation.ValidateIdTokenAsync(fixture, tokens.GetProperty("id_token").GetString()!);
        Assert.Equal("google-oauth2|998877665544", idToken.Subject);

        var user = fixture.Store.Read(d => d.FindUser("google-oauth2|998877665544")!.Clone());
        Assert.Equal("gina.new@gmail.example", user.Email);
        Assert.True(user.EmailVerified);
        Assert.Equal("Gina New", user.Name);
        Assert.Equal("Gina", user.GivenName);
        Assert.Equal("New", user.FamilyName);
        Assert.Equal("gina.new", user.Nickname);
        var identity = Assert.Single(user.Identities);
        Assert.True(identity.IsSocial);
        Assert.Equal("google-oauth2", identity.Provider);
        Assert.Equal(1, user.LoginsCount);
    }

    [Fact]
    public async Task An_existing_identity_on_each_login_overwrites_the_root_attributes()
    {
        using var browser = new TenantBrowser(fixture);
        var html = await OpenProviderAsync(browser, "google-oauth2");
        using var response = await browser.SubmitAsync(html, "/login/social/google-oauth2",
            Profile("103547991597142817347", "carol.renamed@gmail.example", "Carol Renamed", verified: false), containing: "id=\"user_id\"");
        TenantBrowser.CallbackParameters(response, TenantFixture.PortalCallback);
        var carol = fixture.Store.Read(d => d.FindUser(TenantFixture.CarolId)!.Clone());
        Assert.Equal("Carol Renamed", carol.Name);
        Assert.Equal("carol.renamed@gmail.example", carol.Email);
        Assert.False(carol.EmailVerified);
    }

    [Fact]
    public async Task Choosing_a_listed_identity_signs_in_and_on_first_login_keeps_the_root()
    {
        fixture.Store.Write(w => w.Save(new Data.TenantUser
        {
            UserId = "github|555",
            Name = "Hank Original",
            Email = "hank@github.example",
            Identities = [new Data.TenantIdentity { Connection = "github", Provider = "github", UserId = "555", IsSocial = true }],
        }));
        using var browser = new TenantBrowser(fixture);
        var html = await OpenProviderAsync(browser, "github");
        using (var listed = await browser.SubmitAsync(html, "/login/social/github", new Dictionary<string, string>(), containing: "Continue as Hank Original"))
        {
            Assert.True(TenantBrowser.CallbackParameters(listed, TenantFixture.PortalCallback).ContainsKey("code"));
        }

        var again = await OpenProviderAsync(browser, "github");
        using var changed = await browser.SubmitAsync(again, "/login/social/github", Profile("555", "hank.new@github.example", "Hank Changed"),
            containing: "id=\"user_id\"");
        TenantBrowser.CallbackParameters(changed, TenantFixture.PortalCallback);
        var hank = fixture.Store.Read(d => d.FindUser("github|555")!.Clone());
        Assert.Equal("Hank Original", hank.Name);
        Assert.Equal("hank@github.example", hank.Email);
        Assert.Equal(2, hank.LoginsCount);
    }

    [Fact]
    public async Task A_linked_secondary_identity_signs_in_as_the_primary_and_updates_its_profile_data()
    {
        using var browser = new TenantBrowser(fixture);
        var html = await OpenProviderAsync(browser, "github");
        Assert.Contains("Dave on GitHub", html, StringComparison.Ordinal);
        using var response = await browser.SubmitAsync(html, "/login/social/github", Profile("4120001", "dave@github.example", "Dave Renamed"),
            containing: "id=\"user_id\"");
        var callback = TenantBrowser.CallbackParameters(response, TenantFixture.PortalCallback);
        var (_, tokens) = await browser.ExchangeAsync(callback["code"]);
        var idToken = await TokenValidation.ValidateIdTokenAsync(fixture, tokens.GetProperty("id_token").GetString()!);
        Assert.Equal(TenantFixture.DaveId, idToken.Subject);
        Assert.Equal("Dave Linked", idToken.GetClaim("name").Value);

        var dave = fixture.Store.Read(d => d.FindUser(TenantFixture.DaveId)!.Clone());
        Assert.Equal("Dave Renamed", dave.Identities[1].ProfileData!["name"]!.GetValue<string>());
        Assert.Equal("Dave Linked", dave.Name);
    }

    [Fact]
    public async Task An_invalid_provider_user_id_is_explained_on_the_form()
    {
        using var browser = new TenantBrowser(fixture);
        var html = await OpenProviderAsync(browser, "google-oauth2");
        using var response = await browser.SubmitAsync(html, "/login/social/google-oauth2", Profile("bad id!", "x@example.com", "X Y"),
            containing: "id=\"user_id\"");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("id=\"social-error\"", page, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"social-error user_id-hint\"", page, StringComparison.Ordinal);
    }
}
