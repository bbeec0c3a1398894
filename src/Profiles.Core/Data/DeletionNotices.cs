using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Profiles.Core.Mail;
using Profiles.Core.Preferences;

namespace Profiles.Core.Data;

/// <summary>The emails around a deletion request, in the user's language. They are a courtesy on top of the banner and the
/// pages: a failed send is logged and never undoes the request or the cancellation.</summary>
public sealed partial class DeletionNotices(
    IDeletionNotifications notifications,
    IOptions<PreferencesOptions> preferences,
    ILogger<DeletionNotices> logger)
{
    /// <summary>Tells the user the deletion is scheduled for <paramref name="dueAt"/> (in their time zone) and how to cancel it.</summary>
    public Task SendScheduledAsync(string to, JsonObject? userMetadata, DateTimeOffset dueAt, Uri cancelLink, Guid requestId,
        CancellationToken cancellationToken) =>
        SendAsync(() => notifications.SendScheduledAsync(to, Language(userMetadata), TimeZonePreference.Of(userMetadata), dueAt, cancelLink, cancellationToken), requestId);

    /// <summary>Confirms that the deletion was cancelled.</summary>
    public Task SendCancelledAsync(string to, JsonObject? userMetadata, Guid requestId, CancellationToken cancellationToken) =>
        SendAsync(() => notifications.SendCancelledAsync(to, Language(userMetadata), cancellationToken), requestId);

    private string? Language(JsonObject? userMetadata) => preferences.Value.UiLanguageOf(userMetadata);

    private async Task SendAsync(Func<Task> send, Guid requestId)
    {
        try
        {
            await send();
        }
        catch (Exception ex) when (EmailSendFailure.Is(ex, CancellationToken.None))
        {
            LogEmailFailed(logger, requestId, ex.GetType().Name);
        }
    }

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "Email about deletion request {RequestId} could not be sent ({ExceptionType})")]
    private static partial void LogEmailFailed(ILogger logger, Guid requestId, string exceptionType);
}
