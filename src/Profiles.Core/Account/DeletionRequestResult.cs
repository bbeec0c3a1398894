namespace Profiles.Core.Account;

/// <summary>The result of <see cref="AccountDeletionService.RequestAsync"/>.</summary>
/// <param name="Request">The request (new or reused); null when <see cref="Outcome"/> is <see cref="DeletionRequestOutcome.Unavailable"/>.</param>
/// <param name="Reused">True when an open request already existed, so nothing new was sent.</param>
public sealed record DeletionRequestResult(DeletionRequestOutcome Outcome, DeletionRequestInfo? Request, bool Reused = false);
