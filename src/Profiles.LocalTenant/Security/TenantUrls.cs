namespace Profiles.LocalTenant.Security;

/// <summary>The tenant's public base URL, known once the server has bound its address.</summary>
public sealed class TenantUrls
{
    private string? _baseUrl;

    /// <summary>Base URL without trailing slash, e.g. <c>http://127.0.0.1:5301</c>.</summary>
    public string BaseUrl => _baseUrl ?? throw new InvalidOperationException("The local tenant has not bound an address yet.");

    /// <summary>Auth0's issuer: the base URL with a trailing slash.</summary>
    public string Issuer => BaseUrl + "/";

    /// <summary>The Management API audience: <c>{base}/api/v2/</c>.</summary>
    public string ManagementAudience => BaseUrl + "/api/v2/";

    /// <summary>The My Account API audience: <c>{base}/me/</c>, with Auth0's trailing slash.</summary>
    public string MyAccountAudience => BaseUrl + "/me/";

    internal void Set(string baseUrl) => _baseUrl = baseUrl.TrimEnd('/');
}
