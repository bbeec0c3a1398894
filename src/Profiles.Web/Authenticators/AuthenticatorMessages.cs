using System.Globalization;
using Microsoft.Extensions.Localization;
using Profiles.Core.Authenticators;
using Profiles.Web.Hosting;
using Profiles.Web.Localization;

namespace Profiles.Web.Authenticators;

/// <summary>The journey's result codes as sentences: <c>Error.{code}</c>, with the wait Auth0 asked for when it gave one
/// ("try again in 30 s").</summary>
public static class AuthenticatorMessages
{
    public static ResultText For(IStringLocalizer<AuthenticatorsResource> localizer) => (code, result, arguments) =>
    {
        if (code == AuthenticatorsCodes.Unavailable && result.RetryAfter is { } wait)
        {
            return localizer["Error.unavailable.Wait", Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))].Value;
        }

        var text = localizer["Error." + code];
        return arguments.Count > 0 ? string.Format(CultureInfo.CurrentCulture, text.Value, [.. arguments]) : text.Value;
    };
}
