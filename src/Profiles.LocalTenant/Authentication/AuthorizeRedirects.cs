namespace Profiles.LocalTenant.Authentication;

/// <summary>Builds the redirects back to an application's callback (query response mode).</summary>
public static class AuthorizeRedirects
{
    public static string Success(AuthorizationRequest request, string code)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Append(request.RedirectUri, [("code", code), ("state", request.State)]);
    }

    public static string Error(string redirectUri, string? state, string error, string description)
        => Append(redirectUri, [("error", error), ("error_description", description), ("state", state)]);

    public static string Error(AuthorizationRequest request, string error, string description)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Error(request.RedirectUri, request.State, error, description);
    }

    /// <summary>Appends parameters to <paramref name="uri"/>; null values are left out. Spaces become <c>%20</c>, as Auth0 sends them.</summary>
    public static string Append(string uri, IEnumerable<(string Name, string? Value)> parameters)
    {
        ArgumentNullException.ThrowIfNull(uri);
        var query = string.Join('&', parameters.Where(p => p.Value is not null)
            .Select(p => Uri.EscapeDataString(p.Name) + "=" + Uri.EscapeDataString(p.Value!)));
        if (query.Length == 0)
        {
            return uri;
        }

        var fragment = uri.IndexOf('#', StringComparison.Ordinal);
        var head = fragment >= 0 ? uri[..fragment] : uri;
        var separator = head.Contains('?', StringComparison.Ordinal) ? (head.EndsWith('?') || head.EndsWith('&') ? "" : "&") : "?";
        return head + separator + query;
    }
}
