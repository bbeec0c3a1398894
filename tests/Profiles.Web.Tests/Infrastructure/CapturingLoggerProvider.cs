using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Profiles.Web.Tests.Infrastructure;

/// <summary>Keeps every line the portal logs (Serilog passes its events on to registered providers, rendered as its sinks
/// render them, with their properties), so tests can check what is, and is not, logged.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<(string Category, LogLevel Level, string Message, IReadOnlyDictionary<string, object?> Properties)> Entries { get; } = new();

    /// <summary>The exceptions logged with those lines, in order.</summary>
    public ConcurrentQueue<Exception> Exceptions { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var properties = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? pairs.GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Last().Value)
                : new Dictionary<string, object?>();
            owner.Entries.Enqueue((category, logLevel, formatter(state, exception), properties));
            if (exception is not null)
            {
                owner.Exceptions.Enqueue(exception);
            }
        }
    }
}
