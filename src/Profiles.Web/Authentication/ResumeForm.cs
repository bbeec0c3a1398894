namespace Profiles.Web.Authentication;

/// <summary>A form kept across a re-authentication and complete enough to be sent again as it was: the address it posted to
/// and its values (never a password, never the old antiforgery token).</summary>
public sealed record ResumeForm(string Action, IReadOnlyDictionary<string, string[]> Values);
