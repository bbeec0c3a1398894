namespace Profiles.Core.Persistence;

/// <summary>Table <c>action_cooldowns</c>: when a user may next do a throttled action (resend a verification email, ask for a
/// reset link, download their data). In the database so a restart or another instance does not reset it.</summary>
public sealed class ActionCooldownRow
{
    public string UserKey { get; set; } = "";

    public string Action { get; set; } = "";

    public long NotBeforeMs { get; set; }
}
