namespace Profiles.Web.Tests.Hardening;

/// <summary>What the local tenant does to one Management API request, using its own fault modes.</summary>
public enum TenantFault
{
    None,

    /// <summary>503 before the request takes effect.</summary>
    ServerError,

    /// <summary>The request takes effect, then the answer is replaced by a 503 (<c>faultAfterEffect</c>).</summary>
    ServerErrorAfterEffect,

    /// <summary>The connection is dropped before the request takes effect.</summary>
    Drop,

    /// <summary>The request takes effect, then the connection is dropped.</summary>
    DropAfterEffect,

    /// <summary>The tenant's rate-limit bucket is emptied first, so the request gets a real 429.</summary>
    RateLimited,
}
