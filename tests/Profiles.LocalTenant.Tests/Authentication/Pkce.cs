using System.Security.Cryptography;
using System.Text;
using Profiles.LocalTenant.Data;

namespace Profiles.LocalTenant.Tests.Authentication;

/// <summary>A PKCE verifier and its S256 challenge, computed independently of the tenant.</summary>
internal sealed record Pkce(string Verifier, string Challenge)
{
    public static Pkce Create()
    {
        var verifier = TenantIds.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        return new Pkce(verifier, Convert.ToBase64String(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))).TrimEnd('=').Replace('+', '-').Replace('/', '_'));
    }
}
