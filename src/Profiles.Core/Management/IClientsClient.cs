using Profiles.Core.Management.Models;

namespace Profiles.Core.Management;

/// <summary>Management API <c>GET /clients/{id}</c> (scope <c>read:clients</c>), for an application's name.</summary>
public interface IClientsClient
{
    Task<ClientSummary> GetAsync(string clientId, CancellationToken cancellationToken = default);
}
