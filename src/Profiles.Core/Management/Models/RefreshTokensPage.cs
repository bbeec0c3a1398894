namespace Profiles.Core.Management.Models;

/// <summary>One page of <c>GET /users/{id}/refresh-tokens</c>; <see cref="Next"/> is the cursor of the following page.</summary>
public sealed class RefreshTokensPage
{
    public List<RefreshToken> Tokens { get; set; } = [];

    public string? Next { get; set; }
}
