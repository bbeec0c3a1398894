using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Profiles.LocalTenant.Authentication;

/// <summary>The client credentials of a token request: <c>client_secret_basic</c> or <c>client_secret_post</c>.</summary>
public sealed record ClientAuthentication(string? ClientId, string? ClientSecret)
{
    public static ClientAuthentication From(HttpRequest request, JsonObject fields)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim()));
                var colon = decoded.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0)
                {
                    // RFC 6749 §2.3.1: both parts are form-urlencoded before being joined.
                    return new ClientAuthentication(Uri.UnescapeDataString(decoded[..colon]), Uri.UnescapeDataString(decoded[(colon + 1)..]));
                }
            }
            catch (FormatException)
            {
                return new ClientAuthentication(null, null);
            }
        }

        return new ClientAuthentication(RequestFields.Text(fields, "client_id"), RequestFields.Text(fields, "client_secret"));
    }

    /// <summary>Whether the secret matches; a missing secret is accepted only when <paramref name="secretOptional"/>.</summary>
    /// <param name="expectedSecret">The registered client's secret; null for a public client.</param>
    public bool Verify(string? expectedSecret, bool secretOptional)
    {
        if (ClientSecret is null)
        {
            return secretOptional || expectedSecret is null;
        }

        return expectedSecret is not null
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(ClientSecret), Encoding.UTF8.GetBytes(expectedSecret));
    }
}
