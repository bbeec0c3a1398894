namespace Profiles.Core.Profiles;

/// <summary>Root profile fields as the user submitted them (null or empty = cleared).</summary>
public sealed record ProfileEdit(string? Name, string? Nickname, string? GivenName, string? FamilyName, string? Picture);
