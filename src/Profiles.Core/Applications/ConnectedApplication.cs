namespace Profiles.Core.Applications;

/// <summary>An application the user granted access to: its grants and refresh tokens, grouped by client.</summary>
/// <param name="Name">The application's name (operator configuration, else Auth0), or null when it could not be resolved.</param>
/// <param name="Scopes">What it may do, as scope names (the page puts them in plain words).</param>
/// <param name="FirstUsedAt">When its oldest refresh token was issued; null without refresh tokens.</param>
/// <param name="LastUsedAt">Its most recent refresh-token exchange (or issue); null without refresh tokens.</param>
/// <param name="IsPortal">This portal itself, which is not removed from here.</param>
public sealed record ConnectedApplication(
    string ClientId,
    string? Name,
    IReadOnlyList<string> Scopes,
    DateTimeOffset? FirstUsedAt,
    DateTimeOffset? LastUsedAt,
    int RefreshTokenCount,
    bool IsPortal);
