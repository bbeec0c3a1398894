namespace Profiles.LocalTenant.MyAccount;

/// <summary>The My Account API's scopes for authentication methods and factors.</summary>
public static class MyAccountScopes
{
    public const string Create = "create:me:authentication_methods";
    public const string Read = "read:me:authentication_methods";
    public const string Update = "update:me:authentication_methods";
    public const string Delete = "delete:me:authentication_methods";
    public const string ReadFactors = "read:me:factors";

    /// <summary>Every scope the tenant's client grant for the My Account API allows (a user flow may ask for any of them).</summary>
    public static readonly IReadOnlyList<string> All = [Create, Read, Update, Delete, ReadFactors];
}
