namespace Profiles.Core.Data;

/// <summary>Why a data export gave no file.</summary>
public static class DataExportCodes
{
    /// <summary>The user downloaded their data less than the cooldown ago; the result's retry-after says for how long.</summary>
    public const string Throttled = "throttled";

    /// <summary>Auth0 could not be read; the cooldown was released so the user can try again.</summary>
    public const string Unavailable = "unavailable";
}
