namespace Profiles.Core.Writes;

/// <summary>What the user is told after a Management API write, once <see cref="WriteReconciler"/> has settled any doubt.</summary>
public enum WriteOutcome
{
    /// <summary>The change is stored: Auth0 answered, or the re-read after a lost answer shows it.</summary>
    Saved,

    /// <summary>The change is not stored: the re-read after a lost answer shows the old state.</summary>
    NotSaved,

    /// <summary>The answer was lost and the re-read failed too: the change may or may not be stored.</summary>
    Unconfirmed,
}
