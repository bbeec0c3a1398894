using Polly;

namespace Profiles.Core.Resilience;

/// <summary>Options of the portal's own strategies: only their name, which Polly's telemetry reports.</summary>
internal sealed class PortalStrategyOptions : ResilienceStrategyOptions
{
    public PortalStrategyOptions(string name)
    {
        Name = name;
    }
}
