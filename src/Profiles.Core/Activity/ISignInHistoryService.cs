namespace Profiles.Core.Activity;

/// <summary>Reads the user's recent Auth0 log events (<c>GET /users/{id}/logs</c>) as sign-in history.</summary>
public interface ISignInHistoryService
{
    /// <summary>One Management call (none when switched off); never throws for Auth0's refusals or outages.</summary>
    Task<SignInHistory> GetAsync(string userId, CancellationToken cancellationToken);
}
