namespace Profiles.Core.Account;

/// <summary>The result of a resend; <paramref name="RetryAfter"/> is when the user may ask again, if they must wait.</summary>
public sealed record VerificationEmailResult(VerificationEmailOutcome Outcome, TimeSpan? RetryAfter = null);
