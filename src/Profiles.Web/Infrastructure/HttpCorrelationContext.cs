using Profiles.Core.Security;

namespace Profiles.Web.Infrastructure;

/// <summary>The correlation id of the current request (<see cref="CorrelationIdMiddleware"/> puts it in TraceIdentifier).</summary>
public sealed class HttpCorrelationContext(IHttpContextAccessor accessor) : ICorrelationContext
{
    public string? CorrelationId => accessor.HttpContext?.TraceIdentifier;
}
