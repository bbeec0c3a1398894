using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Profiles.Core.Management;

namespace Profiles.Core.Applications;

/// <summary>Application names: the operator's configuration first, else <c>GET /clients/{id}</c>, remembered for a while so a
/// page view costs at most one call per application not seen recently. Shared by every request (singleton).</summary>
public sealed partial class ClientNames(IOptions<ApplicationsOptions> options, TimeProvider timeProvider, ILogger<ClientNames> logger)
{
    private readonly ConcurrentDictionary<string, (string? Name, DateTimeOffset ExpiresAt)> _cache = new(StringComparer.Ordinal);

    /// <summary>The application's name, or null when Auth0 would not say (the page then shows the client id).</summary>
    public async Task<string?> NameOfAsync(IClientsClient clients, string clientId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(clients);
        if (options.Value.ClientNames.TryGetValue(clientId, out var configured))
        {
            return configured;
        }

        var now = timeProvider.GetUtcNow();
        if (_cache.TryGetValue(clientId, out var cached) && cached.ExpiresAt > now)
        {
            return cached.Name;
        }

        string? name;
        try
        {
            name = (await clients.GetAsync(clientId, cancellationToken)).Name;
        }
        catch (ManagementApiException ex)
        {
            // A missing read:clients scope or a deleted application: the list still renders, with the id.
            LogNameUnavailable(logger, (int)ex.StatusCode, ex.ErrorCode);
            if (ex.IsTransient)
            {
                return null;
            }

            name = null;
        }

        _cache[clientId] = (name, now.AddMinutes(options.Value.ClientNameCacheMinutes));
        return name;
    }

    [LoggerMessage(EventId = 4801, Level = LogLevel.Information, Message = "Application name not read from Auth0: {Status} ({ErrorCode})")]
    private static partial void LogNameUnavailable(ILogger logger, int status, string? errorCode);
}
