namespace Profiles.LocalTenant.Hosting;

/// <summary>The local tenant's demo users and keys are development-only: it refuses to start in Production.</summary>
public static class LocalTenantGuard
{
    public static void EnsureNotProduction(string environmentName)
    {
        if (string.Equals(environmentName, Environments.Production, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                "The local tenant is for development and tests only and refuses to start in the Production environment. " +
                "Set ASPNETCORE_ENVIRONMENT=Development, or point the portal at a real Auth0 tenant.");
        }
    }
}
