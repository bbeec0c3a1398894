using Microsoft.Extensions.Options;

namespace Profiles.Core.Terms;

/// <summary>Start-up checks of the terms declaration: a declared version needs a link to its text.</summary>
public sealed class TermsOptionsValidator : IValidateOptions<TermsOptions>
{
    public ValidateOptionsResult Validate(string? name, TermsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.Version))
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (options.Version.Length > TermsAcceptance.MaxVersionLength)
        {
            failures.Add($"{TermsOptions.SectionName}:Version must be at most {TermsAcceptance.MaxVersionLength} characters.");
        }

        if (options.Url.Count == 0)
        {
            failures.Add($"{TermsOptions.SectionName}:Url needs at least one language (en is the fallback).");
        }

        foreach (var (language, url) in options.Url)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            {
                failures.Add($"{TermsOptions.SectionName}:Url:{language} must be an absolute http(s) address.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
