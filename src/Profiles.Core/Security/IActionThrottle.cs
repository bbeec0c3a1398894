namespace Profiles.Core.Security;

/// <summary>Per-user cooldowns kept in the portal database, so they survive restarts and hold across instances.</summary>
public interface IActionThrottle
{
    /// <summary>Takes the action's slot if it is free and starts the cooldown; otherwise says how long to wait.</summary>
    Task<ThrottleDecision> TryAcquireAsync(string userId, string action, TimeSpan cooldown, CancellationToken cancellationToken);

    /// <summary>How long until the action is allowed again (zero when it is), without taking the slot: for showing a countdown.</summary>
    Task<TimeSpan> RemainingAsync(string userId, string action, CancellationToken cancellationToken);

    /// <summary>Frees the slot again, e.g. when the call it guarded was refused before anything was sent.</summary>
    Task ReleaseAsync(string userId, string action, CancellationToken cancellationToken);
}
