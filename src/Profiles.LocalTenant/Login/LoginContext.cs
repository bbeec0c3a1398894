using Profiles.LocalTenant.Authentication;
using Profiles.LocalTenant.Data;

namespace Profiles.LocalTenant.Login;

/// <summary>A pending sign-in with what its pages show: the application's name and the connections it may use.</summary>
public sealed record LoginContext(LoginTransaction Transaction, string ClientName, IReadOnlyList<ConnectionChoice> Connections)
{
    public string State => Transaction.Id;

    /// <summary>The database connection for password forms: the one the request named, else the first enabled.</summary>
    public ConnectionChoice? Database => Connections.FirstOrDefault(c => c.IsDatabase);

    public static LoginContext? Load(LoginTransactions transactions, TenantStore store, string? state)
    {
        ArgumentNullException.ThrowIfNull(transactions);
        ArgumentNullException.ThrowIfNull(store);
        var transaction = transactions.Find(state);
        if (transaction is null)
        {
            return null;
        }

        var request = transaction.Request;
        return store.Read(d =>
        {
            var client = d.FindClient(request.ClientId);
            if (client is null)
            {
                return null;
            }

            var connections = d.All<TenantConnection>()
                .Where(c => client.Connections.Count == 0 || client.Connections.Contains(c.Name, StringComparer.Ordinal))
                .Where(c => request.Connection is null || c.Name == request.Connection)
                .OrderBy(c => c.IsDatabase ? 0 : 1).ThenBy(c => c.DisplayName ?? c.Name, StringComparer.OrdinalIgnoreCase)
                .Select(c => new ConnectionChoice(c.Name, c.DisplayName ?? c.Name, c.IsDatabase, c.DisableSignup))
                .ToList();
            return new LoginContext(transaction, string.IsNullOrEmpty(client.Name) ? client.ClientId : client.Name, connections);
        });
    }
}
