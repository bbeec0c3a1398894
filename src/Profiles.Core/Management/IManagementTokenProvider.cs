namespace Profiles.Core.Management;

/// <summary>Supplies the Management API access token shared by every request.</summary>
public interface IManagementTokenProvider
{
    /// <summary>The cached token, or a fresh one when the cache is empty or near expiry. Concurrent callers share one token request.</summary>
    ValueTask<string> GetTokenAsync(CancellationToken cancellationToken);

    /// <summary>Drops the cached token. With <paramref name="rejectedToken"/>, only when it is still the cached one, so that
    /// several requests failing with the same old token cause a single refresh, and only when it is older than
    /// <see cref="ManagementTokenProvider.MinimumForcedRefreshAge"/>: a token refused moments after it was issued is not stale
    /// (wrong audience, missing grant), and fetching another would only spend Auth0's machine-to-machine token quota.</summary>
    void Invalidate(string? rejectedToken = null);
}
