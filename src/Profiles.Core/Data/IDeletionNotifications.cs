namespace Profiles.Core.Data;

/// <summary>The emails around a deletion request, written (and localized) by the web layer.</summary>
public interface IDeletionNotifications
{
    /// <summary>Tells the user the deletion is scheduled for <paramref name="dueAt"/> (shown in <paramref name="timeZone"/>, an
    /// IANA id, or UTC when null) and how to cancel it.</summary>
    Task SendScheduledAsync(string to, string? preferredLanguage, string? timeZone, DateTimeOffset dueAt, Uri cancelLink, CancellationToken cancellationToken);

    /// <summary>Confirms that the deletion was cancelled.</summary>
    Task SendCancelledAsync(string to, string? preferredLanguage, CancellationToken cancellationToken);
}
