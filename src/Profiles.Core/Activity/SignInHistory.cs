namespace Profiles.Core.Activity;

/// <summary>The user's recent Auth0 sign-in history, newest first, and whether it could be read.</summary>
public sealed record SignInHistory(SignInHistoryStatus Status, IReadOnlyList<SignInHistoryEntry> Entries);
