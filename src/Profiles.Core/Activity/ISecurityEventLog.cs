namespace Profiles.Core.Activity;

/// <summary>Records security events in the portal database and reads a user's own back.</summary>
public interface ISecurityEventLog
{
    /// <summary>Records one event for the user (filed under their pseudonymous key, with the request's correlation id).</summary>
    Task RecordAsync(string userId, string action, string outcome, string? detail, CancellationToken cancellationToken);

    /// <summary>The user's most recent events, newest first.</summary>
    Task<IReadOnlyList<SecurityEvent>> ListRecentAsync(string userId, int max, CancellationToken cancellationToken);

    /// <summary>Removes every event of the user (account erasure).</summary>
    Task DeleteAllAsync(string userId, CancellationToken cancellationToken);
}
