namespace Profiles.LocalTenant.Data;

/// <summary>One way the user authenticated in a session: Auth0's method name (<c>pwd</c>, <c>federated</c>, …) and when.</summary>
public sealed class TenantSessionMethod
{
    public required string Name { get; set; }
    public DateTimeOffset Timestamp { get; set; }
}
