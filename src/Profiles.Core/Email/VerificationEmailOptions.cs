namespace Profiles.Core.Email;

/// <summary>Resending Auth0's verification email, section <c>Profiles:VerificationEmail</c>.</summary>
public sealed class VerificationEmailOptions
{
    public const string SectionName = "Profiles:VerificationEmail";

    /// <summary>Per-user time between two resends. Auth0 documents no dedicated limit for the job, so the portal sets one
    /// that is long enough for an email to arrive before the user asks again.</summary>
    public int CooldownSeconds { get; set; } = 300;
}
