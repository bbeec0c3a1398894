using Microsoft.Extensions.Options;
using Profiles.Core.Pacing;
using Profiles.Core.Settings;
using Profiles.TestServices;
using StackExchange.Redis;

namespace Profiles.Core.Tests.Pacing;

/// <summary>One throwaway redis-server for the Redis pacing tests; each test uses its own tenant name, so its own keys.</summary>
public sealed class RedisPacingFixture : IAsyncLifetime
{
    private RedisServer? _server;
    private readonly List<ConnectionMultiplexer> _connections = [];

    public string ConnectionString => _server!.ConnectionString;

    public async Task InitializeAsync() => _server = await RedisServer.StartAsync();

    /// <summary>A coordinator with its own connection, as a separate portal instance has.</summary>
    public async Task<RedisRateLimitCoordinator> CoordinatorAsync(string tenant, TimeProvider time, IOptions<ManagementApiOptions> options)
    {
        var connection = await ConnectionMultiplexer.ConnectAsync(ConnectionString);
        lock (_connections)
        {
            _connections.Add(connection);
        }

        return new RedisRateLimitCoordinator(connection, time, options, Options.Create(new Auth0Options { Domain = tenant }));
    }

    public async Task DisposeAsync()
    {
        foreach (var connection in _connections)
        {
            await connection.DisposeAsync();
        }

        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
