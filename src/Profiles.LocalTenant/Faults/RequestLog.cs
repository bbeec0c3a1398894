using System.Collections.Concurrent;

namespace Profiles.LocalTenant.Faults;

/// <summary>Counts API requests as they arrive, so tests and benchmarks can check call budgets at the tenant.</summary>
public sealed class RequestLog
{
    private readonly ConcurrentQueue<LoggedRequest> _requests = new();

    public IReadOnlyList<LoggedRequest> All => [.. _requests];

    public void Add(LoggedRequest request) => _requests.Enqueue(request);

    public int Count(string method, string pathPrefix)
        => _requests.Count(r => r.Method == method && r.Path.StartsWith(pathPrefix, StringComparison.Ordinal));

    /// <summary>Requests to exactly <paramref name="path"/> (its query string aside), not to the paths below it.</summary>
    public int CountExactly(string method, string path)
        => _requests.Count(r => r.Method == method && string.Equals(r.Path, path, StringComparison.Ordinal));

    public void Clear() => _requests.Clear();
}
