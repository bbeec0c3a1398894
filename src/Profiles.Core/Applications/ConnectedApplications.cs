namespace Profiles.Core.Applications;

/// <summary>The connected-applications page's data.</summary>
/// <param name="RefreshTokensAvailable">False when Auth0 refused the refresh-token list (a plan without it, or a missing scope):
/// the list then shows grants only.</param>
public sealed record ConnectedApplications(IReadOnlyList<ConnectedApplication> Applications, bool RefreshTokensAvailable);
