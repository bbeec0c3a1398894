namespace Profiles.Core.Pacing;

/// <summary>Owns the tenant's bucket state. In-memory for one instance; the portal database when several instances share one
/// tenant budget (<see cref="DatabaseRateLimitCoordinator"/>). Every method is atomic for the bucket group.</summary>
public interface IRateLimitCoordinator
{
    /// <summary>Takes up to <paramref name="wanted"/> tokens of <paramref name="group"/>.</summary>
    ValueTask<TokenLease> LeaseAsync(string group, BucketProfile profile, int wanted, CancellationToken cancellationToken);

    /// <summary>Stops handing out tokens of <paramref name="group"/> until <paramref name="until"/> (a 429 seen by any instance).</summary>
    ValueTask PauseAsync(string group, BucketProfile profile, DateTimeOffset until, CancellationToken cancellationToken);

    /// <summary>Caps the group's tokens at <paramref name="atMost"/> (the tenant reported fewer than we believed) on an answer to a
    /// request sent at <paramref name="sentAt"/>, which also anchors the refill phase when a take from a full bucket asked for it.</summary>
    ValueTask CapAsync(string group, BucketProfile profile, double atMost, DateTimeOffset sentAt, CancellationToken cancellationToken);

    /// <summary>Aligns the refill phase of a fresh bucket to the first answer the tenant gave (no-op once done).</summary>
    ValueTask AnchorAsync(string group, BucketProfile profile, DateTimeOffset firstAnswerAt, CancellationToken cancellationToken);
}
