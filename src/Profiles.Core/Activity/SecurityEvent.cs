namespace Profiles.Core.Activity;

/// <summary>One entry of a user's security activity, as shown to them and included in their data export.</summary>
/// <param name="Action">One of <see cref="SecurityActions"/>.</param>
/// <param name="Outcome">One of <see cref="SecurityOutcomes"/>.</param>
/// <param name="Detail">A fixed code (connection or provider name, error code); never an address or a value the user typed.</param>
public sealed record SecurityEvent(string Action, string Outcome, DateTimeOffset OccurredAt, string? CorrelationId, string? Detail);
