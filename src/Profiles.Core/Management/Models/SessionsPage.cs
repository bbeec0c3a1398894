namespace Profiles.Core.Management.Models;

/// <summary>One page of <c>GET /users/{id}/sessions</c>; <see cref="Next"/> is the cursor of the following page.</summary>
public sealed class SessionsPage
{
    public List<Session> Sessions { get; set; } = [];

    public string? Next { get; set; }
}
