using Microsoft.Extensions.Options;

namespace Profiles.Core.Persistence;

/// <summary>Stops start-up when PostgreSQL is chosen without a connection string or with one Npgsql cannot read.</summary>
public sealed class PortalDatabaseOptionsValidator : IValidateOptions<PortalDatabaseOptions>
{
    public ValidateOptionsResult Validate(string? name, PortalDatabaseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!Enum.IsDefined(options.Provider))
        {
            return ValidateOptionsResult.Fail("PortalDatabase:Provider must be Sqlite or Postgres.");
        }

        if (options.Provider != PortalDatabaseProvider.Postgres)
        {
            return ValidateOptionsResult.Success;
        }

        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Fail("PortalDatabase:ConnectionString is required when PortalDatabase:Provider is Postgres.");
        }

        try
        {
            _ = new Npgsql.NpgsqlConnectionStringBuilder(options.ConnectionString);
            return ValidateOptionsResult.Success;
        }
        catch (ArgumentException)
        {
            // The message of the exception may echo the password: say only which setting is wrong.
            return ValidateOptionsResult.Fail("PortalDatabase:ConnectionString is not a valid PostgreSQL connection string.");
        }
    }
}
