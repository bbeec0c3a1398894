namespace Profiles.LocalTenant.RateLimiting;

/// <summary>How a request is classified for rate limiting.</summary>
public sealed record RequestKind(EndpointGroup Group, bool IsManagement, bool IsMyAccount = false)
{
    public static readonly RequestKind Unlimited = new(EndpointGroup.None, false);

    /// <summary>
    /// Classifies a request. "Read Users" covers only the user list and search (<c>GET /api/v2/users</c>): Auth0's row links only to
    /// get-users, so other user reads count as "all other endpoints" (the stricter, safe reading of an UNVERIFIED fact).
    /// My Account API paths (<c>/me/v1/…</c>) are reads, filtered reads (<paramref name="typeFiltered"/>: a <c>?type=</c> query) or writes.
    /// "Write Users" covers <c>POST /users</c>, <c>PATCH</c> and <c>DELETE /users/{id}</c>, sharing one bucket (also UNVERIFIED).
    /// </summary>
    public static RequestKind Classify(string method, PathString path, bool typeFiltered = false)
    {
        var value = path.Value ?? "";
        if (value.StartsWith("/me/v1/", StringComparison.Ordinal))
        {
            var group = !HttpMethods.IsGet(method) ? EndpointGroup.MyAccountWrite
                : typeFiltered ? EndpointGroup.MyAccountReadFiltered : EndpointGroup.MyAccountRead;
            return new(group, false, true);
        }

        if (value.StartsWith("/api/v2/", StringComparison.Ordinal))
        {
            var rest = value["/api/v2/".Length..].TrimEnd('/');
            var segments = rest.Split('/');
            if (segments[0] == "users")
            {
                if (segments.Length == 1)
                {
                    return new(HttpMethods.IsGet(method) ? EndpointGroup.ReadUsers : EndpointGroup.WriteUsers, true);
                }

                if (segments.Length == 2 && (HttpMethods.IsPatch(method) || HttpMethods.IsDelete(method)))
                {
                    return new(EndpointGroup.WriteUsers, true);
                }
            }

            return new(EndpointGroup.ManagementOther, true);
        }

        return value switch
        {
            "/dbconnections/change_password" => new(EndpointGroup.ChangePassword, false),
            "/userinfo" => new(EndpointGroup.UserInfo, false),
            "/oauth/token" or "/dbconnections/signup" or "/oauth/revoke" => new(EndpointGroup.AuthenticationOther, false),
            _ => Unlimited,
        };
    }
}
