namespace Profiles.Core.Consent;

/// <summary>What the "Privacy and consent" page shows: every declared consent's current state and the history, newest first.</summary>
public sealed record ConsentOverview(IReadOnlyList<ConsentState> Current, IReadOnlyList<ConsentRecord> History);
