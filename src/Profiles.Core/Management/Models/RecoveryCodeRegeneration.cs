namespace Profiles.Core.Management.Models;

/// <summary>Answer of <c>POST /users/{id}/recovery-code-regeneration</c>: the new code, shown to the user once.</summary>
public sealed class RecoveryCodeRegeneration
{
    public string RecoveryCode { get; set; } = "";
}
