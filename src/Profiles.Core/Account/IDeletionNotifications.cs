namespace Profiles.Core.Account;

/// <summary>The emails around a deletion request, written (and localized) by the web layer.</summary>
public interface IDeletionNotifications
{
    /// <summary>Tells the user the deletion is scheduled for <paramref name="dueAt"/> and how to cancel it.</summary>
    Task SendScheduledAsync(string to, string? preferredLanguage, DateTimeOffset dueAt, Uri cancelLink, CancellationToken cancellationToken);

    /// <summary>Confirms that the deletion was cancelled.</summary>
    Task SendCancelledAsync(string to, string? preferredLanguage, CancellationToken cancellationToken);
}
