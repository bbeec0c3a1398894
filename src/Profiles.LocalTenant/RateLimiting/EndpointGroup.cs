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

    /// <summary>My Account API reads (GET).</summary>
    MyAccountRead,

    /// <summary>My Account API writes (POST, PATCH, PUT, DELETE).</summary>
    MyAccountWrite,

    /// <summary>My Account API reads filtered by <c>?type=</c> (the "read-filtered" row; UNVERIFIED which reads Auth0 counts here).</summary>
    MyAccountReadFiltered,
}
