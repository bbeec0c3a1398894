using System.Text.Json;

namespace Profiles.Core.Management.Models;

/// <summary>Body of <c>POST /me/v1/authentication-methods/{id}/verify</c>: the session from the start, plus the one-time code
/// (TOTP, phone, email), the browser's attestation response (passkey), or nothing more (recovery code).</summary>
public sealed record MyAccountVerifyRequest(string AuthSession, string? OtpCode = null, JsonElement? AuthnResponse = null);
