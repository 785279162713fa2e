using StackExchange.Redis;

namespace MeetStream.Client.Redis.Inbox;

/// <summary>
/// The inbox's Redis connection, opened on first use: either a multiplexer the application registered or one built
/// from a configuration string (never waits for the server at start-up, and fails commands at once while the server is
/// unreachable instead of queueing them, so the endpoint can answer 503 quickly).
/// </summary>
internal sealed class RedisInboxConnection : IAsyncDisposable
{
    private readonly Lazy<Task<IConnectionMultiplexer>> _connection;
    private readonly bool _owned;

    public RedisInboxConnection(Func<Task<IConnectionMultiplexer>> connect, bool owned)
    {
        _connection = new Lazy<Task<IConnectionMultiplexer>>(connect, LazyThreadSafetyMode.ExecutionAndPublication);
        _owned = owned;
    }

    public static RedisInboxConnection FromConfiguration(string configuration)
    {
        var options = ConfigurationOptions.Parse(configuration);
        options.AbortOnConnectFail = false;
        options.BacklogPolicy = BacklogPolicy.FailFast;
        return new RedisInboxConnection(async () => await ConnectionMultiplexer.ConnectAsync(options).ConfigureAwait(false), owned: true);
    }

    public async Task<IDatabase> GetDatabaseAsync() => (await _connection.Value.ConfigureAwait(false)).GetDatabase();

    public async ValueTask DisposeAsync()
    {
        if (_owned && _connection.IsValueCreated && _connection.Value.IsCompletedSuccessfully)
        {
            await _connection.Value.Result.DisposeAsync().ConfigureAwait(false);
        }
    }
}
