namespace Profiles.Core.Management.Models;

/// <summary>One Auth0 session of the user.</summary>
public sealed class Session
{
    public string Id { get; set; } = "";

    public string? UserId { get; set; }

    public DateTimeOffset? CreatedAt { get; set; }

    public DateTimeOffset? UpdatedAt { get; set; }

    public DateTimeOffset? AuthenticatedAt { get; set; }

    public DateTimeOffset? IdleExpiresAt { get; set; }

    public DateTimeOffset? ExpiresAt { get; set; }

    public DateTimeOffset? LastInteractedAt { get; set; }

    public SessionDevice? Device { get; set; }

    public List<SessionClient> Clients { get; set; } = [];

    public SessionAuthentication? Authentication { get; set; }
}
