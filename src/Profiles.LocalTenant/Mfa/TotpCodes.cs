using OtpNet;
using Profiles.LocalTenant.Data;

namespace Profiles.LocalTenant.Mfa;

/// <summary>RFC 6238 time-based one-time passwords as authenticator apps use them: SHA-1, 6 digits, 30-second steps, one step of
/// clock drift either way. Time comes from the tenant's clock, so tests move it instead of waiting.</summary>
public sealed class TotpCodes(TimeProvider time)
{
    private static readonly VerificationWindow Drift = new(previous: 1, future: 1);

    /// <summary>A new 160-bit secret, base32 (what <c>manual_input_code</c> shows).</summary>
    public static string NewSecret() => Base32Encoding.ToString(KeyGeneration.GenerateRandomKey(20));

    /// <summary>The <c>otpauth://</c> URI an authenticator app scans.</summary>
    public static string BarcodeUri(string issuer, string account, string secret)
        => $"otpauth://totp/{Uri.EscapeDataString(issuer)}:{Uri.EscapeDataString(account)}?secret={secret}&issuer={Uri.EscapeDataString(issuer)}&algorithm=SHA1&digits=6&period=30";

    /// <summary>The code for <paramref name="secret"/> now (tests and the demo account's helper use it).</summary>
    public string Now(string secret) => new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(time.GetUtcNow().UtcDateTime);

    /// <summary>Checks <paramref name="code"/>; returns the time step it matched, or null. A step at or before
    /// <paramref name="lastStep"/> is refused, so a code cannot be replayed.</summary>
    public long? Verify(string secret, string? code, long? lastStep)
    {
        if (code is null || code.Length != 6 || !code.All(char.IsAsciiDigit))
        {
            return null;
        }

        var totp = new Totp(Base32Encoding.ToBytes(secret));
        return totp.VerifyTotp(time.GetUtcNow().UtcDateTime, code, out var step, Drift) && (lastStep is null || step > lastStep) ? step : null;
    }

    /// <summary>Checks a code against a stored TOTP method and records the step on success.</summary>
    public bool Accept(TenantAuthenticationMethod method, string? code)
    {
        ArgumentNullException.ThrowIfNull(method);
        if (method.TotpSecret is null || Verify(method.TotpSecret, code, method.LastTotpStep) is not { } step)
        {
            return false;
        }

        method.LastTotpStep = step;
        return true;
    }
}
