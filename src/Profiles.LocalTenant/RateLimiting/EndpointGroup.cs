namespace Profiles.LocalTenant.RateLimiting;

/// <summary>The rate-limit group of a request.</summary>
public enum EndpointGroup
{
    None,
    ReadUsers,
    WriteUsers,
    ManagementOther,
    ChangePassword,
    UserInfo,
    AuthenticationOther,
}
