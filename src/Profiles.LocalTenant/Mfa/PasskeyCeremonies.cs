using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Fido2NetLib;
using Fido2NetLib.Objects;
using Profiles.LocalTenant.Data;
using Profiles.LocalTenant.Security;

namespace Profiles.LocalTenant.Mfa;

/// <summary>WebAuthn ceremonies with the Fido2 library: creation options and attestation checks for passkey registration (attestation
/// <c>none</c> and <c>packed</c>, among the formats Fido2 verifies), request options and assertion checks for sign-in. The relying
/// party is the tenant's host; the origins allowed are the tenant's and its applications' (a portal registers passkeys from its own
/// pages through the My Account API).</summary>
public sealed class PasskeyCeremonies(TenantStore store, TenantUrls urls)
{
    public string RelyingPartyId => new Uri(urls.BaseUrl).Host;

    /// <summary>Creation options for <paramref name="user"/>, excluding the passkeys they already have. Returns the full options (kept
    /// server-side to check the answer) and the part shown to the caller.</summary>
    public (string Options, JsonObject Shown) CreationOptions(TenantUser user, IEnumerable<TenantAuthenticationMethod> existing)
    {
        ArgumentNullException.ThrowIfNull(user);
        var options = Fido().RequestNewCredential(new RequestNewCredentialParams
        {
            User = new Fido2User
            {
                Id = Encoding.UTF8.GetBytes(user.UserId),
                Name = user.Email ?? user.UserId,
                DisplayName = user.Name ?? user.Email ?? user.UserId,
            },
            ExcludeCredentials = [.. existing.Where(m => m.KeyId is not null).Select(m => new PublicKeyCredentialDescriptor(Base64Url.DecodeFromChars(m.KeyId!)))],
            AuthenticatorSelection = new AuthenticatorSelection
            {
                ResidentKey = ResidentKeyRequirement.Required,
                UserVerification = UserVerificationRequirement.Preferred,
            },
            AttestationPreference = AttestationConveyancePreference.None,
        });
        var json = options.ToJson();
        return (json, Shown(JsonNode.Parse(json)!.AsObject()));
    }

    /// <summary>Fido2's options in the shape of Auth0's <c>PublicKeyCredentialCreationOptions</c>: only the members it declares.</summary>
    private static JsonObject Shown(JsonObject all)
    {
        static JsonObject Pick(JsonNode? node, params string[] keys)
        {
            var picked = new JsonObject();
            if (node is JsonObject source)
            {
                foreach (var key in keys.Where(k => source[k] is not null))
                {
                    picked[key] = source[key]!.DeepClone();
                }
            }

            return picked;
        }

        var shown = new JsonObject
        {
            ["authenticatorSelection"] = Pick(all["authenticatorSelection"], "residentKey", "userVerification"),
            ["challenge"] = all["challenge"]!.DeepClone(),
            ["pubKeyCredParams"] = new JsonArray([.. all["pubKeyCredParams"]!.AsArray().Select(p => (JsonNode)Pick(p, "type", "alg"))]),
            ["rp"] = Pick(all["rp"], "id", "name"),
            ["user"] = Pick(all["user"], "id", "name", "displayName"),
        };
        if (all["timeout"] is { } timeout)
        {
            shown["timeout"] = timeout.DeepClone();
        }

        if (all["excludeCredentials"] is JsonArray { Count: > 0 } excluded)
        {
            shown["excludeCredentials"] = new JsonArray([.. excluded.Select(c => (JsonNode)Pick(c, "id", "type", "transports"))]);
        }

        return shown;
    }

    /// <summary>Verifies a registration answer (the browser's <c>PublicKeyCredential</c> as JSON); the new passkey, or null when it
    /// does not verify.</summary>
    public async Task<TenantAuthenticationMethod?> RegisterAsync(PendingEnrollment enrollment, JsonNode? response, string? userAgent, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(enrollment);
        try
        {
            var raw = response.Deserialize<AuthenticatorAttestationRawResponse>();
            if (raw is null || enrollment.PasskeyOptions is null)
            {
                return null;
            }

            var credential = await Fido().MakeNewCredentialAsync(new MakeNewCredentialParams
            {
                AttestationResponse = raw,
                OriginalOptions = CredentialCreateOptions.FromJson(enrollment.PasskeyOptions),
                IsCredentialIdUniqueToUserCallback = (args, _) =>
                    Task.FromResult(!store.Read(d => d.All<TenantAuthenticationMethod>().Any(m => m.KeyId == Base64Url.EncodeToString(args.CredentialId)))),
            }, cancellationToken).ConfigureAwait(false);
            return new TenantAuthenticationMethod
            {
                Id = AuthenticationMethodTypes.NewId(AuthenticationMethodTypes.Passkey),
                UserId = enrollment.UserId,
                Type = AuthenticationMethodTypes.Passkey,
                CreatedAt = now,
                KeyId = Base64Url.EncodeToString(credential.Id),
                PublicKey = Base64Url.EncodeToString(credential.PublicKey),
                SignCount = credential.SignCount,
                UserHandle = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(enrollment.UserId)),
                Aaguid = credential.AaGuid.ToString(),
                Transports = [.. (credential.Transports ?? []).Select(t => t.ToString().ToLowerInvariant())],
                CredentialBackedUp = credential.IsBackedUp,
                CredentialDeviceType = credential.IsBackupEligible ? "multi_device" : "single_device",
                UserAgent = userAgent,
                RelyingPartyId = RelyingPartyId,
                IdentityUserId = enrollment.IdentityUserId,
            };
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Fido2 refuses a bad attestation with its own exceptions and malformed input with CBOR, JSON and format ones.
            return null;
        }
    }

    /// <summary>Request options for signing in with one of <paramref name="passkeys"/>, as JSON.</summary>
    public string AssertionOptions(IEnumerable<TenantAuthenticationMethod> passkeys)
        => Fido().GetAssertionOptions(new GetAssertionOptionsParams
        {
            AllowedCredentials = [.. passkeys.Where(m => m.KeyId is not null).Select(m => new PublicKeyCredentialDescriptor(Base64Url.DecodeFromChars(m.KeyId!)))],
            UserVerification = UserVerificationRequirement.Preferred,
        }).ToJson();

    /// <summary>Verifies a sign-in answer against the stored passkey and advances its signature counter; false when it does not verify.</summary>
    public async Task<bool> VerifyAsync(TenantAuthenticationMethod passkey, string optionsJson, string responseJson, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(passkey);
        try
        {
            var raw = JsonSerializer.Deserialize<AuthenticatorAssertionRawResponse>(responseJson);
            if (raw is null || passkey.PublicKey is null || raw.Id != passkey.KeyId)
            {
                return false;
            }

            var result = await Fido().MakeAssertionAsync(new MakeAssertionParams
            {
                AssertionResponse = raw,
                OriginalOptions = Fido2NetLib.AssertionOptions.FromJson(optionsJson),
                StoredPublicKey = Base64Url.DecodeFromChars(passkey.PublicKey),
                StoredSignatureCounter = passkey.SignCount,
                IsUserHandleOwnerOfCredentialIdCallback = (args, _) => Task.FromResult(
                    args.UserHandle is null || Base64Url.EncodeToString(args.UserHandle) == passkey.UserHandle),
            }, cancellationToken).ConfigureAwait(false);
            passkey.SignCount = result.SignCount;
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return false;
        }
    }

    private Fido2 Fido() => new(new Fido2Configuration
    {
        RPID = RelyingPartyId,
        RPName = "Local tenant",
        Origins = Origins(),
        TimestampDriftTolerance = 300_000,
    });

    private HashSet<string> Origins()
    {
        var origins = new HashSet<string>(StringComparer.Ordinal) { new Uri(urls.BaseUrl).GetLeftPart(UriPartial.Authority) };
        foreach (var callback in store.Read(d => d.All<TenantClient>().SelectMany(c => c.Callbacks).ToList()))
        {
            if (Uri.TryCreate(callback, UriKind.Absolute, out var uri))
            {
                origins.Add(uri.GetLeftPart(UriPartial.Authority));
            }
        }

        return origins;
    }
}
