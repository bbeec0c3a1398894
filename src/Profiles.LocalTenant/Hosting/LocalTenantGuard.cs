namespace Profiles.LocalTenant.Hosting;

/// <summary>
/// The local tenant's demo users, secrets and signing key are public: it starts only in the environments named here
/// (an allow-list, so "Production", "Staging", "Prod" or any other name is refused alike).
/// </summary>
public static class LocalTenantGuard
{
    public static readonly IReadOnlyList<string> AllowedEnvironments = [Environments.Development, "Testing"];

    public static void EnsureDevelopmentOrTesting(string environmentName)
    {
        if (!AllowedEnvironments.Contains(environmentName, StringComparer.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                $"The local tenant is for development and tests only and starts only in the {string.Join(" or ", AllowedEnvironments)} environment, " +
                $"not in '{environmentName}'. Set ASPNETCORE_ENVIRONMENT=Development, or point the portal at a real Auth0 tenant.");
        }
    }
}
