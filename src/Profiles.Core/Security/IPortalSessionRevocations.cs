namespace Profiles.Core.Security;

/// <summary>Ends a user's portal sessions (cookie sessions; Auth0's own sessions are the Management API's business).</summary>
public interface IPortalSessionRevocations
{
    /// <summary>Every session of the user that began before now ends on its next request, except <paramref name="keepSessionId"/>
    /// (null: all of them).</summary>
    Task RevokeAsync(string userId, string? keepSessionId, CancellationToken cancellationToken);

    /// <summary>Ends one session (sign-out): a copy of its cookie is refused from now on, the user's other sessions go on.
    /// <paramref name="forgetAfter"/> is when that session could no longer be used anyway (its absolute lifetime).</summary>
    Task EndSessionAsync(string userId, string sessionId, DateTimeOffset forgetAfter, CancellationToken cancellationToken);

    /// <summary>Whether a session that began at <paramref name="signedInAt"/> with id <paramref name="sessionId"/> has been ended.</summary>
    Task<bool> IsRevokedAsync(string userId, string? sessionId, DateTimeOffset signedInAt, CancellationToken cancellationToken);

    /// <summary>Whether the session named <paramref name="sessionId"/> was ended on its own (<see cref="EndSessionAsync"/>),
    /// ignoring any cut-off: for ids that are not the portal's (see <see cref="Auth0SessionKeys"/>).</summary>
    Task<bool> IsEndedAsync(string sessionId, CancellationToken cancellationToken);
}
