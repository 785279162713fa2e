using StackExchange.Redis;

namespace MeetStream.Client.Redis.Sessions;

/// <summary>The live-session scale-out's connection to Redis, opened once on first use and closed with the host.</summary>
internal sealed class RedisSessionConnection : IAsyncDisposable
{
    private readonly ConfigurationOptions _configuration;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IConnectionMultiplexer? _connection;

    /// <summary>Initializes the connection settings (nothing is opened yet).</summary>
    /// <param name="configuration">The parsed StackExchange.Redis configuration.</param>
    public RedisSessionConnection(ConfigurationOptions configuration)
    {
        _configuration = configuration;
        _configuration.AbortOnConnectFail = false; // reconnect in the background after an outage
    }

    /// <summary>Gets the open connection, opening it on first use.</summary>
    /// <returns>The multiplexer.</returns>
    public async Task<IConnectionMultiplexer> GetAsync()
    {
        if (Volatile.Read(ref _connection) is { } open)
        {
            return open;
        }

        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            return _connection ??= await ConnectionMultiplexer.ConnectAsync(_configuration).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_connection is { } connection)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }

        _gate.Dispose();
    }
}
