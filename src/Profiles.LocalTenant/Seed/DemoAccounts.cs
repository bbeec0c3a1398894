namespace Profiles.LocalTenant.Seed;

/// <summary>The seed's demo accounts, listed on the login page (development only).</summary>
public sealed class DemoAccounts(SeedFile seed)
{
    public IReadOnlyList<DemoAccount> All { get; } = seed.Users
        .Select(u => new DemoAccount(u.Connection, u.Email, u.Password, u.Description ?? u.Name ?? u.Email ?? u.Connection, u.SecondFactors))
        .ToList();
}

/// <summary>One demo account: how to sign in as it, and the second factors the sign-in then asks for.</summary>
public sealed record DemoAccount(string Connection, string? Email, string? Password, string Description, IReadOnlyList<SeedSecondFactor> SecondFactors);
