namespace Profiles.Core.Account;

/// <summary>The result of an email change step. Expected failures are results, never exceptions.</summary>
public sealed record EmailChangeResult(EmailChangeOutcome Outcome, TimeSpan? RetryAfter = null, int AttemptsLeft = 0)
{
    public bool Succeeded => Outcome is EmailChangeOutcome.CodeSent or EmailChangeOutcome.Changed or EmailChangeOutcome.Cancelled;

    public static EmailChangeResult Of(EmailChangeOutcome outcome) => new(outcome);
}
