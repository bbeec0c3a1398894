using Microsoft.Extensions.Options;
using Profiles.Core.Settings;

namespace Profiles.Web.Authentication;

/// <summary>A plain-http tenant URL is for the local tenant only: outside Development it stops start-up. (Core's validator
/// names the missing settings.)</summary>
public sealed class Auth0HttpsValidator(IHostEnvironment environment) : IValidateOptions<Auth0Options>
{
    public ValidateOptionsResult Validate(string? name, Auth0Options options) =>
        !environment.IsDevelopment() && options.Authority.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            ? ValidateOptionsResult.Fail("Auth0:Domain must use https outside Development")
            : ValidateOptionsResult.Success;
}
