using System.Formats.Cbor;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Profiles.LocalTenant.Tests.MyAccount;

/// <summary>A WebAuthn authenticator in software: an ES256 key pair that answers creation options (attestation <c>none</c> or
/// <c>packed</c> self attestation) and request options the way a browser passes an authenticator's answer on, as JSON.</summary>
internal sealed class SoftwareAuthenticator : IDisposable
{
    private const byte UserPresent = 0x01;
    private const byte UserVerified = 0x04;
    private const byte AttestedData = 0x40;
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private uint _counter;

    public byte[] CredentialId { get; } = RandomNumberGenerator.GetBytes(16);

    public string Id => Encode(CredentialId);

    public void Dispose() => _key.Dispose();

    /// <summary>The answer to <c>navigator.credentials.create</c> for <paramref name="options"/>.</summary>
    public JsonObject Register(JsonNode options, string origin, string format = "none", string? challengeOverride = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var rpId = options["rp"]!["id"]!.GetValue<string>();
        var clientData = ClientData("webauthn.create", challengeOverride ?? options["challenge"]!.GetValue<string>(), origin);
        var authData = AuthenticatorData(rpId, (byte)(UserPresent | UserVerified | AttestedData), withCredential: true);
        var cbor = new CborWriter(CborConformanceMode.Lax);
        cbor.WriteStartMap(3);
        cbor.WriteTextString("fmt");
        cbor.WriteTextString(format);
        cbor.WriteTextString("attStmt");
        if (format == "packed")
        {
            cbor.WriteStartMap(2);
            cbor.WriteTextString("alg");
            cbor.WriteInt32(-7);
            cbor.WriteTextString("sig");
            cbor.WriteByteString(Sign(authData, clientData));
            cbor.WriteEndMap();
        }
        else
        {
            cbor.WriteStartMap(0);
            cbor.WriteEndMap();
        }

        cbor.WriteTextString("authData");
        cbor.WriteByteString(authData);
        cbor.WriteEndMap();
        return new JsonObject
        {
            ["id"] = Id,
            ["rawId"] = Id,
            ["type"] = "public-key",
            ["authenticatorAttachment"] = "platform",
            ["response"] = new JsonObject
            {
                ["attestationObject"] = Encode(cbor.Encode()),
                ["clientDataJSON"] = Encode(clientData),
                ["transports"] = new JsonArray("internal"),
            },
            ["clientExtensionResults"] = new JsonObject(),
        };
    }

    /// <summary>The answer to <c>navigator.credentials.get</c> for <paramref name="options"/>, as the tenant's script posts it.</summary>
    public string Assert(JsonNode options, string origin, string userId, bool tamper = false)
    {
        ArgumentNullException.ThrowIfNull(options);
        var clientData = ClientData("webauthn.get", options["challenge"]!.GetValue<string>(), origin);
        var authData = AuthenticatorData(options["rpId"]!.GetValue<string>(), UserPresent | UserVerified, withCredential: false);
        var signature = Sign(authData, clientData);
        if (tamper)
        {
            clientData = ClientData("webauthn.get", Encode(RandomNumberGenerator.GetBytes(16)), origin);
        }

        return new JsonObject
        {
            ["id"] = Id,
            ["rawId"] = Id,
            ["type"] = "public-key",
            ["response"] = new JsonObject
            {
                ["authenticatorData"] = Encode(authData),
                ["clientDataJSON"] = Encode(clientData),
                ["signature"] = Encode(signature),
                ["userHandle"] = Encode(Encoding.UTF8.GetBytes(userId)),
            },
            ["clientExtensionResults"] = new JsonObject(),
        }.ToJsonString();
    }

    private static byte[] ClientData(string type, string challenge, string origin)
        => JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object> { ["type"] = type, ["challenge"] = challenge, ["origin"] = origin, ["crossOrigin"] = false });

    private byte[] AuthenticatorData(string rpId, byte flags, bool withCredential)
    {
        var data = new List<byte>(SHA256.HashData(Encoding.UTF8.GetBytes(rpId))) { flags };
        _counter++;
        data.AddRange([(byte)(_counter >> 24), (byte)(_counter >> 16), (byte)(_counter >> 8), (byte)_counter]);
        if (withCredential)
        {
            data.AddRange(new byte[16]);
            data.AddRange([(byte)(CredentialId.Length >> 8), (byte)CredentialId.Length]);
            data.AddRange(CredentialId);
            data.AddRange(CoseKey());
        }

        return [.. data];
    }

    private byte[] CoseKey()
    {
        var point = _key.ExportParameters(false).Q;
        var cbor = new CborWriter(CborConformanceMode.Ctap2Canonical);
        cbor.WriteStartMap(5);
        cbor.WriteInt32(1);
        cbor.WriteInt32(2);
        cbor.WriteInt32(3);
        cbor.WriteInt32(-7);
        cbor.WriteInt32(-1);
        cbor.WriteInt32(1);
        cbor.WriteInt32(-2);
        cbor.WriteByteString(point.X!);
        cbor.WriteInt32(-3);
        cbor.WriteByteString(point.Y!);
        cbor.WriteEndMap();
        return cbor.Encode();
    }

    private byte[] Sign(byte[] authData, byte[] clientData)
        => _key.SignData([.. authData, .. SHA256.HashData(clientData)], HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);

    private static string Encode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
