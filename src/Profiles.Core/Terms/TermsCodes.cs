namespace Profiles.Core.Terms;

/// <summary>The codes of a terms acceptance's result.</summary>
public static class TermsCodes
{
    /// <summary>The acceptance is stored in <c>app_metadata</c> (Auth0 answered, or the re-read after a lost answer shows it).</summary>
    public const string Accepted = "Accepted";

    /// <summary>No terms are declared; nothing to accept.</summary>
    public const string NothingToAccept = "NothingToAccept";

    /// <summary>Auth0 could not store it now (busy, unreachable); the user may try again.</summary>
    public const string Unavailable = "Unavailable";

    /// <summary>The answer was lost and the re-read failed too: it may or may not be stored.</summary>
    public const string Unconfirmed = "Unconfirmed";
}
