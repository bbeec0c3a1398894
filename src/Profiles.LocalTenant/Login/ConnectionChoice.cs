namespace Profiles.LocalTenant.Login;

/// <summary>A connection the login page offers for the application.</summary>
public sealed record ConnectionChoice(string Name, string DisplayName, bool IsDatabase, bool SignupDisabled);
