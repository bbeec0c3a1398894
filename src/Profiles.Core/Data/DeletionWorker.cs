using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Profiles.Core.Data;

/// <summary>Runs <see cref="DeletionProcessor.ProcessDueAsync"/> every <see cref="DeletionOptions.PollSeconds"/>. It keeps no
/// state of its own: a restart, or several instances at once, are safe because requests are claimed in the database.</summary>
public sealed partial class DeletionWorker(
    IServiceScopeFactory scopes,
    IOptions<DeletionOptions> options,
    TimeProvider timeProvider,
    ILogger<DeletionWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.WorkerEnabled)
        {
            return;
        }

        var interval = TimeSpan.FromSeconds(options.Value.PollSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                using var scope = scopes.CreateScope();
                await scope.ServiceProvider.GetRequiredService<DeletionProcessor>().ProcessDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // Whatever the database or a client threw, the worker must outlive it (an unhandled exception in a background
                // service stops the host): the claim expires and the next round, or another instance, takes the request up again.
                LogRoundFailed(logger, ex.GetType().Name);
            }

            try
            {
                await Task.Delay(interval, timeProvider, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(EventId = 4110, Level = LogLevel.Warning, Message = "Deletion worker round failed ({ExceptionType}); retrying at the next round")]
    private static partial void LogRoundFailed(ILogger logger, string exceptionType);
}
