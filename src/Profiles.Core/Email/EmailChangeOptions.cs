namespace Profiles.Core.Email;

/// <summary>Email change rules, section <c>Profiles:EmailChange</c>.</summary>
public sealed class EmailChangeOptions
{
    public const string SectionName = "Profiles:EmailChange";

    /// <summary>How long a code sent to the new address stays valid.</summary>
    public int CodeLifetimeMinutes { get; set; } = 30;

    /// <summary>Wrong codes allowed before the pending change is discarded.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Digits in the one-time code (6 to 8).</summary>
    public int CodeLength { get; set; } = 6;

    /// <summary>Minimum time between two codes sent for the same user, so the form cannot be used to flood an inbox.</summary>
    public int SendCooldownSeconds { get; set; } = 60;

    /// <summary>Most codes sent for one user in 24 hours: each code comes with fresh attempts, so this caps the guesses a day.</summary>
    public int MaxCodesPerDay { get; set; } = 10;

    /// <summary>How the old address can get help if the change was not theirs (e.g. a support address or URL); optional.</summary>
    public string? SupportContact { get; set; }
}
