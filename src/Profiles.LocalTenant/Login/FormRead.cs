namespace Profiles.LocalTenant.Login;

/// <summary>A posted tenant form: the fields when it passed the antiforgery check, or why it did not.</summary>
/// <param name="InvalidCharacters">A field held a NUL or another control character.</param>
public sealed record FormRead(IFormCollection? Form, bool InvalidCharacters);
