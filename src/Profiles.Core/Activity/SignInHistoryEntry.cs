namespace Profiles.Core.Activity;

/// <summary>One line of the user's Auth0 sign-in history: one event, or several failed sign-ins from the same IP address in a
/// row (<see cref="Count"/> &gt; 1, <see cref="OccurredAt"/> the latest).</summary>
/// <param name="Kind">One of <see cref="SignInEventKinds"/>.</param>
/// <param name="Outcome">One of <see cref="SecurityOutcomes"/>.</param>
/// <param name="UserAgent">The browser's user agent as Auth0 recorded it; the page shows it in plain words.</param>
public sealed record SignInHistoryEntry(
    string Kind,
    string Outcome,
    DateTimeOffset OccurredAt,
    string? Ip,
    string? UserAgent,
    string? ApplicationName,
    int Count);
