namespace Profiles.LocalTenant.Data;

/// <summary>A database connection's password policy (Auth0's <c>passwordPolicy</c> and friends).</summary>
public sealed class PasswordPolicy
{
    /// <summary><c>none</c>, <c>low</c>, <c>fair</c>, <c>good</c> or <c>excellent</c>.</summary>
    public string Strength { get; set; } = "good";

    public int MinLength { get; set; } = 8;

    /// <summary>How many earlier passwords may not be reused (0 = off).</summary>
    public int HistorySize { get; set; } = 5;

    /// <summary>Refuse passwords that contain the user's name, nickname or email local part.</summary>
    public bool NoPersonalInfo { get; set; } = true;

    /// <summary>Refuse these exact passwords (case-insensitive).</summary>
    public List<string> Dictionary { get; set; } = ["password", "password1", "12345678", "qwertyui"];
}
