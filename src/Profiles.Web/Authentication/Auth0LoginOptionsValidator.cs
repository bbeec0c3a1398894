using Microsoft.Extensions.Options;

namespace Profiles.Web.Authentication;

/// <summary>Stops start-up with one message naming every missing sign-in setting.</summary>
public sealed class Auth0LoginOptionsValidator(IHostEnvironment environment) : IValidateOptions<Auth0LoginOptions>
{
    public ValidateOptionsResult Validate(string? name, Auth0LoginOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Domain))
        {
            failures.Add("Auth0:Domain is not set (the tenant domain, e.g. your-tenant.eu.auth0.com)");
        }
        else if (!environment.IsDevelopment() &&
                 options.Domain.Trim().StartsWith("http://", StringComparison.OrdinalIgnoreCase))
        {
            failures.Add("Auth0:Domain must use https outside Development");
        }

        if (string.IsNullOrWhiteSpace(options.ClientId))
        {
            failures.Add("Auth0:ClientId is not set (the portal application's client id)");
        }

        if (string.IsNullOrWhiteSpace(options.ClientSecret))
        {
            failures.Add("Auth0:ClientSecret is not set (the portal application's client secret)");
        }

        if (string.IsNullOrWhiteSpace(options.CallbackPath) || !options.CallbackPath.StartsWith('/'))
        {
            failures.Add("Auth0:CallbackPath must start with '/'");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
