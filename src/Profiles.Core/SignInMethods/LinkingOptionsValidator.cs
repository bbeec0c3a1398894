using Microsoft.Extensions.Options;

namespace Profiles.Core.SignInMethods;

/// <summary>Refuses start-up with unnamed or duplicate connections, or a candidate lifetime outside 1–60 minutes.</summary>
public sealed class LinkingOptionsValidator : IValidateOptions<LinkingOptions>
{
    public ValidateOptionsResult Validate(string? name, LinkingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.Connections.Any(c => string.IsNullOrWhiteSpace(c.Name)))
        {
            failures.Add($"{LinkingOptions.SectionName}:Connections: every connection needs a Name.");
        }

        if (options.Connections.GroupBy(c => c.Name, StringComparer.Ordinal).Any(g => g.Count() > 1))
        {
            failures.Add($"{LinkingOptions.SectionName}:Connections: each connection may appear once.");
        }

        if (options.CandidateMinutes is < 1 or > 60)
        {
            failures.Add($"{LinkingOptions.SectionName}:CandidateMinutes must be between 1 and 60.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
