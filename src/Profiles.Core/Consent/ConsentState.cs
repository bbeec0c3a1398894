using Profiles.Core.Preferences;

namespace Profiles.Core.Consent;

/// <summary>A declared consent and whether the user gives it now.</summary>
/// <param name="Given">True only when Auth0 holds the consent and it was given under the current wording (or before the portal
/// kept a history); a consent waiting for renewal is not given.</param>
/// <param name="Since">When the current state was last recorded by the portal, if it was.</param>
/// <param name="NeedsRenewal">Auth0 still holds the consent, but the user gave it under an earlier wording: the portal does not
/// count it until the user consents again to the current wording (or withdraws it).</param>
/// <param name="GivenUnderWording">The earlier wording version the consent waiting for renewal was given under.</param>
public sealed record ConsentState(PreferenceField Field, bool Given, DateTimeOffset? Since, bool NeedsRenewal = false, string? GivenUnderWording = null);
