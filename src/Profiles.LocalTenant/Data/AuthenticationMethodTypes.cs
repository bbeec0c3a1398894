namespace Profiles.LocalTenant.Data;

/// <summary>Auth0's authentication method type names (the My Account API's <c>FactorTypeEnum</c>).</summary>
public static class AuthenticationMethodTypes
{
    public const string Totp = "totp";
    public const string RecoveryCode = "recovery-code";
    public const string Email = "email";
    public const string Phone = "phone";
    public const string Passkey = "passkey";

    /// <summary>The prefix of a method id of <paramref name="type"/>, e.g. <c>totp|dev_</c>.</summary>
    public static string NewId(string type) => TenantIds.Prefixed(type + "|dev_");
}
