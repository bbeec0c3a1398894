using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Profiles.Core.Redis;

/// <summary>Refuses a configuration string StackExchange.Redis cannot read at start, not at the first cache read.</summary>
public sealed class RedisOptionsValidator : IValidateOptions<RedisOptions>
{
    public ValidateOptionsResult Validate(string? name, RedisOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.IsEnabled)
        {
            return ValidateOptionsResult.Success;
        }

        try
        {
            var parsed = ConfigurationOptions.Parse(options.Configuration!);
            return parsed.EndPoints.Count == 0
                ? ValidateOptionsResult.Fail("Redis:Configuration names no server.")
                : ValidateOptionsResult.Success;
        }
        catch (ArgumentException)
        {
            // The message may echo the password: say only which setting is wrong.
            return ValidateOptionsResult.Fail("Redis:Configuration is not a valid StackExchange.Redis configuration string.");
        }
    }
}
