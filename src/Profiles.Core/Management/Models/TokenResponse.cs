namespace Profiles.Core.Management.Models;

/// <summary>The client-credentials answer of <c>POST /oauth/token</c>.</summary>
internal sealed class TokenResponse
{
    public string AccessToken { get; set; } = "";

    public int ExpiresIn { get; set; }

    public string? TokenType { get; set; }
}
