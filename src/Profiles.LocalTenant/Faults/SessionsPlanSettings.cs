namespace Profiles.LocalTenant.Faults;

/// <summary>Body of <c>PUT /local/sessions</c>; absent members keep their value.</summary>
public sealed record SessionsPlanSettings(bool? Enabled, int? DeleteDelaySeconds);
