using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;
using Profiles.LocalTenant.Data;

namespace Profiles.LocalTenant.Security;

/// <summary>The tenant's RS256 key: created once, persisted in the store, published in the JWKS.</summary>
public sealed class SigningKeys : IDisposable
{
    private readonly RSA _rsa;

    public SigningKeys(TenantStore store, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(time);
        var document = store.Write(w =>
        {
            var existing = w.All<SigningKeyDocument>().OrderByDescending(k => k.CreatedAt).FirstOrDefault();
            if (existing is not null)
            {
                return existing;
            }

            using var fresh = RSA.Create(2048);
            var created = new SigningKeyDocument
            {
                Kid = TenantIds.Token(16),
                Pkcs8 = Convert.ToBase64String(fresh.ExportPkcs8PrivateKey()),
                CreatedAt = time.GetUtcNow(),
            };
            w.Save(created);
            return created;
        });

        _rsa = RSA.Create();
        _rsa.ImportPkcs8PrivateKey(Convert.FromBase64String(document.Pkcs8), out _);
        Kid = document.Kid;
        // Own provider cache: the shared default cache is keyed by kid, so a tenant restarted in the same process with
        // its persisted kid would otherwise get signature providers bound to the previous, disposed RSA instance.
        SecurityKey = new RsaSecurityKey(_rsa) { KeyId = Kid, CryptoProviderFactory = new CryptoProviderFactory() };
        Credentials = new SigningCredentials(SecurityKey, SecurityAlgorithms.RsaSha256);
    }

    public string Kid { get; }

    public RsaSecurityKey SecurityKey { get; }

    public SigningCredentials Credentials { get; }

    /// <summary>The public key as a JWK (<c>kty, use, n, e, kid, alg</c>).</summary>
    public Dictionary<string, object> PublicJwk()
    {
        var parameters = _rsa.ExportParameters(includePrivateParameters: false);
        return new Dictionary<string, object>
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["n"] = TenantIds.Base64UrlEncode(parameters.Modulus),
            ["e"] = TenantIds.Base64UrlEncode(parameters.Exponent),
            ["kid"] = Kid,
            ["alg"] = "RS256",
        };
    }

    public void Dispose() => _rsa.Dispose();
}
