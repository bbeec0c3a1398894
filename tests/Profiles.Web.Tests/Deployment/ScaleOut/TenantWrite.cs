namespace Profiles.Web.Tests.Deployment.ScaleOut;

/// <summary>One <c>PATCH /api/v2/users/{id}</c> as the tenant saw it: the user path, the <c>name</c> it set (if any) and the
/// status the tenant answered.</summary>
public sealed record TenantWrite(string Path, string? Name, int StatusCode)
{
    public bool Stored => StatusCode is >= 200 and < 300;
}
