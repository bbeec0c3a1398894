namespace Profiles.Core.Management.Models;

/// <summary>An API a refresh token grants access to; <see cref="Scopes"/> is space-separated, as Auth0 sends it.</summary>
public sealed class RefreshTokenResourceServer
{
    public string? Audience { get; set; }

    public string? Scopes { get; set; }
}
