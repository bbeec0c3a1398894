namespace Profiles.LocalTenant.Data;

/// <summary>A connection: the database connection or an emulated social provider.</summary>
public sealed class TenantConnection : TenantDocument
{
    public override string Key => Name;

    /// <summary>Connection name, e.g. <c>Username-Password-Authentication</c> or <c>google-oauth2</c>.</summary>
    public required string Name { get; set; }

    /// <summary><c>con_</c> + 16 alphanumerics.</summary>
    public required string Id { get; set; }

    /// <summary>Auth0 strategy: <c>auth0</c> for database connections, else the social provider name.</summary>
    public required string Strategy { get; set; }

    /// <summary>Display name shown on the login page.</summary>
    public string? DisplayName { get; set; }

    public bool IsDatabase => Strategy == "auth0";

    public bool IsSocial => !IsDatabase;

    /// <summary><c>on_each_login</c> (Auth0's default) or <c>on_first_login</c>.</summary>
    public string SetUserRootAttributes { get; set; } = "on_each_login";

    public bool DisableSignup { get; set; }

    public PasswordPolicy PasswordPolicy { get; set; } = new();
}
