namespace Profiles.Core.Pacing;

/// <summary>Owns the tenant's bucket state. In-memory for one instance; the portal database when several instances share one
/// tenant budget (<see cref="DatabaseRateLimitCoordinator"/>). Every method is atomic for the bucket group.</summary>
public interface IRateLimitCoordinator
{
    /// <summary>Takes up to <paramref name="wanted"/> tokens of <paramref name="group"/>.</summary>
    ValueTask<TokenLease> LeaseAsync(string group, BucketProfile profile, int wanted, CancellationToken cancellationToken);

    /// <summary>Takes up to one token of <paramref name="group"/> per waiter, for waiters with these admission deadlines (in the
    /// order they are served). A coordinator shared by several instances hands a scarce token to the waiter, of any instance, that
    /// runs out first; one instance's coordinator just takes <c>deadlines.Count</c>.</summary>
    ValueTask<TokenLease> LeaseAsync(string group, BucketProfile profile, IReadOnlyList<DateTimeOffset> deadlines, CancellationToken cancellationToken) =>
        LeaseAsync(group, profile, deadlines?.Count ?? 0, cancellationToken);

    /// <summary>Stops handing out tokens of <paramref name="group"/> until <paramref name="until"/> (a 429 seen by any instance).</summary>
    ValueTask PauseAsync(string group, BucketProfile profile, DateTimeOffset until, CancellationToken cancellationToken);

    /// <summary>Caps the group's tokens at <paramref name="atMost"/> (the tenant reported fewer than we believed) on an answer to a
    /// request sent at <paramref name="sentAt"/>, which also anchors the refill phase when a take from a full bucket asked for it.</summary>
    ValueTask CapAsync(string group, BucketProfile profile, double atMost, DateTimeOffset sentAt, CancellationToken cancellationToken);

    /// <summary>Aligns the refill phase of a fresh bucket to the first answer the tenant gave (no-op once done).</summary>
    ValueTask AnchorAsync(string group, BucketProfile profile, DateTimeOffset firstAnswerAt, CancellationToken cancellationToken);
}
