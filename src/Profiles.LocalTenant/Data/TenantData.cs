namespace Profiles.LocalTenant.Data;

/// <summary>A consistent view of the tenant's data, valid only inside <see cref="TenantStore.Read{T}"/> or
/// <see cref="TenantStore.Write{T}"/>. Returned objects are the live ones: serialise or clone before leaving.</summary>
public class TenantData
{
    private protected readonly Dictionary<Type, Dictionary<string, TenantDocument>> Tables;

    private protected TenantData(Dictionary<Type, Dictionary<string, TenantDocument>> tables) => Tables = tables;

    public T? Find<T>(string key) where T : TenantDocument
        => Table<T>().TryGetValue(key, out var doc) ? (T)doc : null;

    public IEnumerable<T> All<T>() where T : TenantDocument => Table<T>().Values.Cast<T>();

    public TenantUser? FindUser(string userId) => Find<TenantUser>(userId);

    /// <summary>The user that owns an identity, primary or linked (<paramref name="provider"/>|<paramref name="userId"/>).</summary>
    public TenantUser? FindUserByIdentity(string provider, string userId)
        => All<TenantUser>().FirstOrDefault(u => u.Identities.Any(i => i.Provider == provider && i.UserId == userId));

    /// <summary>The user owning the identity of <paramref name="connection"/> whose email is <paramref name="email"/>.</summary>
    public (TenantUser User, TenantIdentity Identity)? FindByConnectionEmail(string connection, string email)
    {
        foreach (var user in All<TenantUser>())
        {
            for (var i = 0; i < user.Identities.Count; i++)
            {
                var identity = user.Identities[i];
                if (identity.Connection != connection)
                {
                    continue;
                }

                var identityEmail = i == 0 ? user.Email : identity.ProfileData?["email"]?.GetValue<string>();
                if (string.Equals(identityEmail, email, StringComparison.OrdinalIgnoreCase))
                {
                    return (user, identity);
                }
            }
        }

        return null;
    }

    public TenantConnection? FindConnection(string name) => Find<TenantConnection>(name);

    public TenantConnection? FindConnectionById(string id) => All<TenantConnection>().FirstOrDefault(c => c.Id == id);

    public TenantClient? FindClient(string clientId) => Find<TenantClient>(clientId);

    private protected Dictionary<string, TenantDocument> Table<T>() where T : TenantDocument
    {
        if (!Tables.TryGetValue(typeof(T), out var table))
        {
            table = new Dictionary<string, TenantDocument>(StringComparer.Ordinal);
            Tables[typeof(T)] = table;
        }

        return table;
    }
}
