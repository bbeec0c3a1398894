using System.Text.Json.Nodes;
using Profiles.LocalTenant.Data;
using Profiles.LocalTenant.Security;

namespace Profiles.LocalTenant.Authentication;

/// <summary>The outcome of a signup: the new user, or the legacy error body plus a readable message.</summary>
public sealed record SignupResult(TenantUser? User, JsonObject? Error, string? Message, PasswordCheck? PasswordCheck = null)
{
    public bool Succeeded => User is not null;

    public static SignupResult Fail(string code, string description) => new(null, new JsonObject
    {
        ["name"] = "BadRequestError",
        ["code"] = code,
        ["description"] = description,
        ["statusCode"] = StatusCodes.Status400BadRequest,
    }, description);
}
