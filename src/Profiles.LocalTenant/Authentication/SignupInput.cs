using System.Text.Json.Nodes;

namespace Profiles.LocalTenant.Authentication;

/// <summary>A database signup (<c>/dbconnections/signup</c> body, or the login page's sign-up form).</summary>
public sealed record SignupInput(
    string? ClientId,
    string? Connection,
    string? Email,
    string? Password,
    string? Username = null,
    string? GivenName = null,
    string? FamilyName = null,
    string? Name = null,
    string? Nickname = null,
    string? Picture = null,
    JsonObject? UserMetadata = null);
