using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace MeetStream.Client.Redis.Configuration;

/// <summary>
/// The one <see cref="IConnectionMultiplexer"/> every Redis feature of this package shares (dedup, status fan-out,
/// and the inbox and session directory to come): connected on first use with <c>abortConnect=false</c>, so the
/// application starts while Redis is down and StackExchange.Redis reconnects on its own. Registered once by
/// <c>UseRedis</c>.
/// </summary>
internal sealed class RedisConnection : IAsyncDisposable
{
    private readonly Lazy<Task<ConnectionMultiplexer>> _connection;

    public RedisConnection(IOptions<MeetStreamRedisOptions> options)
    {
        Options = options.Value;
        _connection = new Lazy<Task<ConnectionMultiplexer>>(ConnectAsync, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Gets the validated options.</summary>
    public MeetStreamRedisOptions Options { get; }

    /// <summary>Builds a key under the configured prefix.</summary>
    public RedisKey Key(string suffix) => Options.KeyPrefix + suffix;

    /// <summary>Gets the shared multiplexer, connecting on the first call.</summary>
    public Task<ConnectionMultiplexer> GetAsync() => _connection.Value;

    public async ValueTask DisposeAsync()
    {
        if (_connection.IsValueCreated && _connection.Value.IsCompletedSuccessfully)
        {
            await _connection.Value.Result.DisposeAsync().ConfigureAwait(false);
        }
    }

    private Task<ConnectionMultiplexer> ConnectAsync()
    {
        var configuration = ConfigurationOptions.Parse(Options.ConnectionString!);
        configuration.AbortOnConnectFail = false;
        return ConnectionMultiplexer.ConnectAsync(configuration);
    }
}
