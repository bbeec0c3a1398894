namespace Profiles.Core.Profiles;

/// <summary>A failure the user can act on. <see cref="Code"/> is a resource key the portal localises (e.g. <c>Profile.TooLong</c>);
/// <see cref="Arguments"/> fill its placeholders. Never contains personal data.</summary>
public sealed record ProfileError(string Code, params object[] Arguments);
