namespace Profiles.Core.Data;

/// <summary>The codes of a cancel attempt's result.</summary>
public static class CancelDeletionCodes
{
    /// <summary>Success: the request is cancelled.</summary>
    public const string Cancelled = "Cancelled";

    /// <summary>Refused: unknown, already used, or the request is no longer pending (already cancelled, under way or done).</summary>
    public const string NotFound = "NotFound";

    /// <summary>Busy: Auth0 could not be reached to remove the request mark; the request stays pending.</summary>
    public const string Unavailable = "Unavailable";
}
