using Microsoft.Extensions.Options;

namespace Profiles.Core.Settings;

/// <summary>Start-up checks whose messages name the missing setting, so an operator can fix the configuration.</summary>
public sealed class Auth0OptionsValidator : IValidateOptions<Auth0Options>
{
    public ValidateOptionsResult Validate(string? name, Auth0Options options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Domain))
        {
            failures.Add("Auth0:Domain is missing (the tenant host, e.g. example.eu.auth0.com).");
        }
        else if (options.Authority.Length == 0)
        {
            failures.Add("Auth0:Domain is not a valid host or http(s) URL.");
        }

        if (string.IsNullOrWhiteSpace(options.ClientId))
        {
            failures.Add("Auth0:ClientId is missing (the portal's Regular Web Application client id).");
        }

        if (string.IsNullOrWhiteSpace(options.ClientSecret))
        {
            failures.Add("Auth0:ClientSecret is missing.");
        }

        if (string.IsNullOrWhiteSpace(options.CallbackPath) || !options.CallbackPath.StartsWith('/'))
        {
            failures.Add("Auth0:CallbackPath must start with '/'.");
        }

        if (string.IsNullOrWhiteSpace(options.Scope) || !options.Scope.Split(' ').Contains("openid"))
        {
            failures.Add("Auth0:Scope must include openid.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
