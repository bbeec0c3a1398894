namespace Profiles.Core.Consent;

/// <summary>One entry of a user's consent history.</summary>
/// <param name="FieldKey">The declared preference's key.</param>
/// <param name="Given">True when consent was given, false when withdrawn.</param>
/// <param name="WordingVersion">The wording the user saw (<see cref="Preferences.ConsentDeclaration.WordingVersion"/>).</param>
public sealed record ConsentRecord(string FieldKey, bool Given, DateTimeOffset RecordedAt, string WordingVersion);
