using System.Text.Json.Nodes;
using Profiles.Core.Profiles;

namespace Profiles.Core.Preferences;

/// <summary>Parsed preference values (JSON, null = cleared) by field key, or the errors by field key.</summary>
public sealed class PreferenceValidationResult(IReadOnlyDictionary<string, JsonNode?> values, IReadOnlyDictionary<string, ProfileError> errors)
{
    public IReadOnlyDictionary<string, JsonNode?> Values { get; } = values;

    public IReadOnlyDictionary<string, ProfileError> Errors { get; } = errors;

    public bool IsValid => Errors.Count == 0;
}
