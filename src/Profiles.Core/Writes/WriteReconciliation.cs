using Profiles.Core.Management;
using Profiles.Core.Profiles;

namespace Profiles.Core.Writes;

/// <summary>The settled outcome of one write.</summary>
/// <param name="Outcome">What to tell the user.</param>
/// <param name="Answer">The write's own answer, when Auth0 gave one.</param>
/// <param name="Stored">The profile as re-read after a lost answer (null when Auth0 answered, or the re-read failed).</param>
/// <param name="Failure">The failure that made the outcome uncertain (null when Auth0 answered).</param>
public sealed record WriteReconciliation<T>(WriteOutcome Outcome, T? Answer, UserProfile? Stored, ManagementApiException? Failure)
{
    /// <summary>True when Auth0 answered the write itself (no re-read was needed).</summary>
    public bool Answered => Failure is null;
}
