using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace MeetStream.Client.Redis.Configuration;

/// <summary>
/// The one Redis connection of an application: every feature of this package (deduplication, status fan-out, the
/// durable inbox, the live-session directory and commands) shares this single <see cref="IConnectionMultiplexer"/>.
/// It is either built from a configuration string (owned: <c>abortConnect=false</c> and
/// <see cref="BacklogPolicy.FailFast"/> applied, disposed with the host) or returned by the application's own factory
/// (not owned: never disposed here). Connecting starts with the host (<see cref="RedisConnectionStarter"/>) and never
/// blocks it: the application starts while Redis is down and the client reconnects on its own.
/// </summary>
internal sealed class RedisConnection : IAsyncDisposable
{
    private readonly Lazy<Task<IConnectionMultiplexer>> _connection;
    private readonly Lazy<MeetStreamRedisOptions> _options;
    private readonly bool _owned;
    private TaskCompletionSource _restored = NewSignal();
    private int _disposed;

    private RedisConnection(Func<Task<IConnectionMultiplexer>> connect, bool owned, Func<MeetStreamRedisOptions> options)
    {
        _owned = owned;
        _options = new Lazy<MeetStreamRedisOptions>(options, LazyThreadSafetyMode.ExecutionAndPublication);
        _connection = new Lazy<Task<IConnectionMultiplexer>>(
            async () =>
            {
                var multiplexer = await connect().ConfigureAwait(false);
                multiplexer.ConnectionRestored += OnRestored;
                return multiplexer;
            },
            LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Gets the webhook side's validated options (defaults when only the bridge uses Redis).</summary>
    public MeetStreamRedisOptions Options => _options.Value;

    /// <summary>Builds a key under the webhook side's prefix.</summary>
    /// <param name="suffix">The key's name after the prefix.</param>
    /// <returns>The key.</returns>
    public RedisKey Key(string suffix) => Options.KeyPrefix + suffix;

    /// <summary>
    /// Creates the application's one connection from what was configured: the webhook side's
    /// (<c>UseRedis</c>: its connection string or multiplexer factory) when present, otherwise the connection string
    /// given to <c>UseRedisSessions</c>.
    /// </summary>
    /// <param name="services">The application's services.</param>
    /// <returns>The connection (nothing is opened yet).</returns>
    public static RedisConnection Create(IServiceProvider services)
    {
        var sources = services.GetRequiredService<RedisConnectionSources>();
        Func<MeetStreamRedisOptions> options = () => services.GetRequiredService<IOptions<MeetStreamRedisOptions>>().Value;
        if (sources.Webhooks)
        {
            var webhook = options();
            if (webhook.ConnectionFactory is { } factory)
            {
                return new RedisConnection(() => Task.FromResult(factory(services) ?? throw new InvalidOperationException("The IConnectionMultiplexer factory given to UseRedis returned null.")), owned: false, () => webhook);
            }

            return FromString(webhook.ConnectionString!, () => webhook);
        }

        if (sources.SessionsConnectionString is { } sessions)
        {
            return FromString(sessions, options);
        }

        // The start-up validation says so first; anything that still asks gets the same sentence.
        return new RedisConnection(
            () => Task.FromException<IConnectionMultiplexer>(new InvalidOperationException("No Redis connection is configured: call UseRedis(...) on AddMeetStreamWebhooks(...) or pass a connection string to UseRedisSessions(...).")),
            owned: false,
            options);
    }

    /// <summary>Gets the shared multiplexer, waiting for the first connection attempt (background work only: it can take the client's connect timeout).</summary>
    /// <returns>The multiplexer.</returns>
    public Task<IConnectionMultiplexer> GetAsync() => _connection.Value;

    /// <summary>Gets the default database of the shared multiplexer (background work only, see <see cref="GetAsync"/>).</summary>
    /// <returns>The database.</returns>
    public async Task<IDatabase> GetDatabaseAsync() => (await GetAsync().ConfigureAwait(false)).GetDatabase();

    /// <summary>Starts connecting (called when the host starts) without waiting.</summary>
    public void StartConnecting() => _connection.Value.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);

    /// <summary>
    /// Runs one command a webhook delivery waits on, under the package's single outage rule: wait at most
    /// <paramref name="timeout"/> in total for a connection (never queueing the command behind a dead one) and for
    /// the answer, then give up with a <see cref="TimeoutException"/> (the endpoint answers 503).
    /// </summary>
    /// <typeparam name="T">The command's result.</typeparam>
    /// <param name="command">The command, given the database once connected.</param>
    /// <param name="timeout">The bound (<see cref="MeetStreamRedisOptions.DeliveryTimeout"/>).</param>
    /// <param name="cancellationToken">Stops waiting (the request was aborted).</param>
    /// <returns>The command's result.</returns>
    public async Task<T> RunForDeliveryAsync<T>(Func<IDatabase, Task<T>> command, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var bound = new CancellationTokenSource(timeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(bound.Token, cancellationToken);
        try
        {
            var multiplexer = await GetAsync().WaitAsync(linked.Token).ConfigureAwait(false);
            while (!multiplexer.IsConnected)
            {
                // Read the signal before looking again, so a reconnection in between is not missed.
                var restored = Volatile.Read(ref _restored).Task;
                if (multiplexer.IsConnected)
                {
                    break;
                }

                await restored.WaitAsync(linked.Token).ConfigureAwait(false);
            }

            return await command(multiplexer.GetDatabase()).WaitAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (bound.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"Redis did not answer within {timeout} (MeetStreamRedisOptions.DeliveryTimeout).");
        }
    }

    /// <summary>Disposes the multiplexer when it was built here; an application's own multiplexer is left open.</summary>
    /// <returns>A task that completes when disposed.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0 || !_connection.IsValueCreated || !_connection.Value.IsCompletedSuccessfully)
        {
            return;
        }

        var multiplexer = _connection.Value.Result;
        multiplexer.ConnectionRestored -= OnRestored;
        if (_owned)
        {
            await multiplexer.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static RedisConnection FromString(string connectionString, Func<MeetStreamRedisOptions> options)
    {
        var configuration = ConfigurationOptions.Parse(connectionString);
        configuration.AbortOnConnectFail = false;
        configuration.BacklogPolicy = BacklogPolicy.FailFast;
        return new RedisConnection(async () => await ConnectionMultiplexer.ConnectAsync(configuration).ConfigureAwait(false), owned: true, options);
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private void OnRestored(object? sender, ConnectionFailedEventArgs e) => Interlocked.Exchange(ref _restored, NewSignal()).TrySetResult();
}
