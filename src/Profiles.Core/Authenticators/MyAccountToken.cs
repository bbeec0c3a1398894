namespace Profiles.Core.Authenticators;

/// <summary>The user's access token for the My Account API (audience <c>https://{domain}/me/</c>), kept server-side only.</summary>
public sealed record MyAccountToken(string AccessToken, DateTimeOffset ExpiresAt)
{
    /// <summary>The scopes the page asks for, and no more.</summary>
    public static readonly IReadOnlyList<string> Scopes =
    [
        "read:me:authentication_methods",
        "create:me:authentication_methods",
        "update:me:authentication_methods",
        "delete:me:authentication_methods",
    ];

    /// <summary>The My Account API audience for a tenant authority (with Auth0's trailing slash).</summary>
    public static string AudienceFor(string authority) => authority.TrimEnd('/') + "/me/";

    /// <summary>Spent a minute before it expires, so a call never starts with a token about to lapse.</summary>
    public bool IsUsable(DateTimeOffset now) => ExpiresAt - TimeSpan.FromMinutes(1) > now;
}
