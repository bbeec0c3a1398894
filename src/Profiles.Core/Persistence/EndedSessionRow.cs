namespace Profiles.Core.Persistence;

/// <summary>Table <c>ended_sessions</c>: one portal session the user signed out of. A copy of its cookie is refused from then
/// on; the row is forgotten at <see cref="ForgetAfterMs"/>, when that cookie has passed its absolute lifetime anyway.</summary>
public sealed class EndedSessionRow
{
    public string SessionId { get; set; } = "";

    public string UserKey { get; set; } = "";

    public long EndedAtMs { get; set; }

    public long ForgetAfterMs { get; set; }
}
