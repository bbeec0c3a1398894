using Microsoft.Extensions.Options;
using Profiles.Core.Settings;

namespace Profiles.Core.Tests.Configuration;

public sealed class OptionsTests
{
    [Theory]
    [InlineData("example.eu.auth0.com", "https://example.eu.auth0.com", "https://example.eu.auth0.com/")]
    [InlineData(" example.eu.auth0.com/ ", "https://example.eu.auth0.com", "https://example.eu.auth0.com/")]
    [InlineData("http://127.0.0.1:5123", "http://127.0.0.1:5123", "http://127.0.0.1:5123/")]
    [InlineData("https://login.example.com/", "https://login.example.com", "https://login.example.com/")]
    [InlineData("", "", "")]
    [InlineData("ftp://example.com", "", "")]
    public void Authority_and_issuer_come_from_the_domain(string domain, string authority, string issuer)
    {
        var options = new Auth0Options { Domain = domain };

        Assert.Equal(authority, options.Authority);
        Assert.Equal(issuer, options.Issuer);
    }

    [Fact]
    public void Auth0_defaults_follow_the_sdk()
    {
        var options = new Auth0Options();

        Assert.Equal("openid profile email", options.Scope);
        Assert.Equal("/signin-auth0", options.CallbackPath);
    }

    [Fact]
    public void Missing_auth0_settings_are_named()
    {
        var result = new Auth0OptionsValidator().Validate(null, new Auth0Options());

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, failure => failure.StartsWith("Auth0:Domain", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, failure => failure.StartsWith("Auth0:ClientId", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, failure => failure.StartsWith("Auth0:ClientSecret", StringComparison.Ordinal));
        Assert.True(new Auth0OptionsValidator().Validate(null, new Auth0Options { Domain = "t.example", ClientId = "c", ClientSecret = "s" }).Succeeded);
    }

    [Fact]
    public void Management_settings_default_to_the_auth0_application_and_audience()
    {
        var setup = new ManagementApiOptionsSetup(Options.Create(new Auth0Options { Domain = "t.example", ClientId = "c", ClientSecret = "s" }));
        var options = new ManagementApiOptions();

        setup.PostConfigure(null, options);

        Assert.Equal("c", options.ClientId);
        Assert.Equal("s", options.ClientSecret);
        Assert.Equal("https://t.example/api/v2/", options.Audience);
        Assert.Equal(TimeSpan.FromSeconds(10), options.AttemptTimeout);
        Assert.Equal(TimeSpan.FromSeconds(20), options.RequestBudget);
        Assert.Equal(3, options.MaxRetries);
        Assert.Equal(60, options.ProfileCacheSeconds);
        Assert.True(new ManagementApiOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void Explicit_management_settings_win_and_bad_ones_are_named()
    {
        var setup = new ManagementApiOptionsSetup(Options.Create(new Auth0Options { Domain = "t.example", ClientId = "c", ClientSecret = "s" }));
        var options = new ManagementApiOptions { ClientId = "m2m", ClientSecret = "m2m-secret", Audience = "https://custom/api/v2/" };
        setup.PostConfigure(null, options);
        Assert.Equal("m2m", options.ClientId);
        Assert.Equal("https://custom/api/v2/", options.Audience);

        var invalid = new ManagementApiOptionsValidator().Validate(null, new ManagementApiOptions { RequestBudget = TimeSpan.FromSeconds(1) });
        Assert.Contains(invalid.Failures!, failure => failure.StartsWith("Auth0:Management:ClientId", StringComparison.Ordinal));
        Assert.Contains(invalid.Failures!, failure => failure.StartsWith("Auth0:Management:Audience", StringComparison.Ordinal));
        Assert.Contains(invalid.Failures!, failure => failure.StartsWith("Auth0:Management:RequestBudget", StringComparison.Ordinal));
    }
}
