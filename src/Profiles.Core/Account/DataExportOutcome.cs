namespace Profiles.Core.Account;

/// <summary>How a data export request ended.</summary>
public enum DataExportOutcome
{
    Ready,

    /// <summary>The user downloaded their data less than the cooldown ago.</summary>
    Throttled,

    /// <summary>Auth0 could not be read; the cooldown was released so the user can try again.</summary>
    Unavailable,
}
