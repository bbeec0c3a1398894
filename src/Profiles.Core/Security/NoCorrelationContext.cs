namespace Profiles.Core.Security;

/// <summary>The default outside a web request (background workers, tests).</summary>
public sealed class NoCorrelationContext : ICorrelationContext
{
    public string? CorrelationId => null;
}
