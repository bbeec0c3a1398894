namespace Profiles.Core.Security;

/// <summary>Ends a user's portal sessions (cookie sessions; Auth0's own sessions are the Management API's business).</summary>
public interface IPortalSessionRevocations
{
    /// <summary>Every session of the user that began before now ends on its next request, except <paramref name="keepSessionId"/>
    /// (null: all of them).</summary>
    Task RevokeAsync(string userId, string? keepSessionId, CancellationToken cancellationToken);

    /// <summary>Whether a session that began at <paramref name="signedInAt"/> with id <paramref name="sessionId"/> has been ended.</summary>
    Task<bool> IsRevokedAsync(string userId, string? sessionId, DateTimeOffset signedInAt, CancellationToken cancellationToken);
}
