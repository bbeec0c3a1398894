using Profiles.Core.Management.Models;

namespace Profiles.Core.Management;

/// <summary>Typed client for an application's public facts; asks only for the id and name, never the secret.</summary>
public sealed class ClientsClient(HttpClientSource http, TimeProvider timeProvider) : IClientsClient
{
    private readonly ManagementConnection _connection = new(http, timeProvider);

    public ClientsClient(HttpClient httpClient, TimeProvider timeProvider)
        : this(new HttpClientSource(httpClient), timeProvider)
    {
    }

    public Task<ClientSummary> GetAsync(string clientId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clientId);
        return _connection.SendAsync(HttpMethod.Get, "clients/" + Uri.EscapeDataString(clientId) + "?fields=client_id,name&include_fields=true", null,
            ApplicationsJsonContext.Default.ClientSummary, cancellationToken);
    }
}
