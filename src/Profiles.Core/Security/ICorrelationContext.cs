namespace Profiles.Core.Security;

/// <summary>The current request's correlation id, for security events (the web layer provides it; background work has none).</summary>
public interface ICorrelationContext
{
    string? CorrelationId { get; }
}
