namespace Profiles.LocalTenant.Faults;

/// <summary>Body of <c>PUT /local/my-account</c>: whether the My Account API is activated.</summary>
public sealed record MyAccountSettings(bool Activated);
