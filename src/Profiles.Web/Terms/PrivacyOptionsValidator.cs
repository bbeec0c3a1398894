using Microsoft.Extensions.Options;

namespace Profiles.Web.Terms;

/// <summary>Start-up check: every privacy notice address is an absolute http(s) address.</summary>
public sealed class PrivacyOptionsValidator : IValidateOptions<PrivacyOptions>
{
    public ValidateOptionsResult Validate(string? name, PrivacyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = options.NoticeUrl
            .Where(entry => !Uri.TryCreate(entry.Value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            .Select(entry => $"{PrivacyOptions.SectionName}:NoticeUrl:{entry.Key} must be an absolute http(s) address.")
            .ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
