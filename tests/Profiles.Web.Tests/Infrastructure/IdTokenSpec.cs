using Microsoft.IdentityModel.Tokens;

namespace Profiles.Web.Tests.Infrastructure;

/// <summary>What the fake provider puts in the next ID token; tests bend one field at a time.</summary>
public sealed class IdTokenSpec
{
    public required string Issuer { get; set; }
    public required string Audience { get; set; }

    /// <summary>More audiences besides <see cref="Audience"/> (makes <c>aud</c> an array).</summary>
    public List<string> ExtraAudiences { get; } = [];
    public required string Subject { get; set; }

    /// <summary>The nonce claim; by default the one the portal sent to <c>/authorize</c>.</summary>
    public string? Nonce { get; set; }

    public DateTimeOffset IssuedAt { get; set; }
    public DateTimeOffset Expires { get; set; }
    public DateTimeOffset? AuthTime { get; set; }
    public required SigningCredentials SigningCredentials { get; set; }
    public Dictionary<string, object> Claims { get; } = [];
}
