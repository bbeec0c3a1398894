using Profiles.Core.Management;

namespace Profiles.Core.Telemetry;

/// <summary>Innermost handler of the Management API client: counts every attempt that goes out (retries and the token
/// handler's 401 refresh included) with the answer's status, so the counts match what the tenant sees.</summary>
/// <remarks>It also tells <see cref="ManagementCallMonitor"/> how each attempt ended, for the readiness check.</remarks>
public sealed class ManagementMetricsHandler(ManagementMetrics metrics, ManagementCallMonitor monitor) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var uri = request.RequestUri;
        var group = ManagementEndpointGroups.Of(uri is null ? "" : uri.IsAbsoluteUri ? uri.AbsolutePath : uri.OriginalString);
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            metrics.RecordCall(group, request.Method, null, cancellationToken.IsCancellationRequested ? "cancelled" : "timeout");
            if (!cancellationToken.IsCancellationRequested)
            {
                monitor.Record(null);
            }

            throw;
        }
        catch (HttpRequestException)
        {
            metrics.RecordCall(group, request.Method, null, "network");
            monitor.Record(null);
            throw;
        }

        metrics.RecordCall(group, request.Method, (int)response.StatusCode);
        monitor.Record((int)response.StatusCode);
        return response;
    }
}
