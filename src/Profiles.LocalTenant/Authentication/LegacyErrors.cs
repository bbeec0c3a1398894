using System.Text.Json.Nodes;

namespace Profiles.LocalTenant.Authentication;

/// <summary>The <c>/dbconnections/*</c> ("legacy") error shape: <c>{"name","code","description","statusCode"}</c>.</summary>
public static class LegacyErrors
{
    public static IResult BadRequest(string code, string description, string name = "BadRequestError")
        => Results.Json(new JsonObject
        {
            ["name"] = name,
            ["code"] = code,
            ["description"] = description,
            ["statusCode"] = StatusCodes.Status400BadRequest,
        }, statusCode: StatusCodes.Status400BadRequest);

    public static IResult Body(JsonObject body) => Results.Json(body, statusCode: StatusCodes.Status400BadRequest);
}
