using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Text.Json;
using MeetStream.Client.Realtime;
using MeetStream.Client.Redis.Sessions;
using MeetStream.Client.Redis.Configuration;
using StackExchange.Redis;

namespace MeetStream.Client.Redis;

/// <summary>
/// Sends control commands (speak, interrupt, chat) to a bot wherever its live session is: on this replica it runs
/// them on the local <see cref="BotSession"/>; otherwise it looks the bot up in the Redis directory and publishes the
/// command to the owning replica, which runs it and publishes the result back. Inject it where you need it (registered
/// by <c>UseRedisSessions</c>). Thread-safe.
/// </summary>
/// <remarks>
/// Commands travel over Redis pub/sub: at most once. A command whose replica died is reported as
/// <see cref="RemoteBotCommandFailure.ReplicaUnreachable"/> (nobody listening) or
/// <see cref="RemoteBotCommandFailure.TimedOut"/>; it is never run twice.
/// </remarks>
public sealed class RedisBotCommands
{
    private readonly BotSessionRegistry _registry;
    private readonly RedisConnection _connection;
    private readonly RedisBotSessionOptions _options;
    private readonly TimeProvider _time;
    private readonly RedisSessionKeys _keys;
    private readonly ConcurrentDictionary<string, TaskCompletionSource<BotCommandReply>> _pending = new(StringComparer.Ordinal);

    internal RedisBotCommands(BotSessionRegistry registry, RedisConnection connection, RedisBotSessionOptions options, TimeProvider time)
    {
        _registry = registry;
        _connection = connection;
        _options = options;
        _time = time;
        _keys = new RedisSessionKeys(options.KeyPrefix);
    }

    /// <summary>Gets this replica's id.</summary>
    public string ReplicaId => _options.ReplicaId;

    /// <summary>Finds the replica that holds a bot's live session, according to the Redis directory.</summary>
    /// <param name="botId">The bot id.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The replica id, or <see langword="null"/> when no replica holds the bot.</returns>
    /// <exception cref="ArgumentException"><paramref name="botId"/> is null or blank.</exception>
    /// <exception cref="RemoteBotCommandException">Redis could not be reached (<see cref="RemoteBotCommandFailure.RedisUnavailable"/>).</exception>
    public async Task<string?> FindReplicaAsync(string botId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(botId);
        var connection = await _connection.GetAsync().ConfigureAwait(false);
        try
        {
            var value = await connection.GetDatabase().StringGetAsync(_keys.Bot(botId)).WaitAsync(cancellationToken).ConfigureAwait(false);
            return value.HasValue ? value.ToString() : null;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            throw new RemoteBotCommandException($"Cannot look bot '{botId}' up: Redis is unavailable ({ex.GetType().Name}).", botId, RemoteBotCommandFailure.RedisUnavailable, innerException: ex);
        }
    }

    /// <summary>Speaks PCM16 audio through the bot's control channel, on whichever replica holds it (<see cref="BotSession.SpeakAsync"/>).</summary>
    /// <param name="botId">The bot id.</param>
    /// <param name="samples">Mono PCM16 samples.</param>
    /// <param name="sampleRate">Their sample rate (resampled to 48 kHz by the owning replica).</param>
    /// <param name="cancellationToken">Stops waiting (a speech already handed to another replica goes on; interrupt it).</param>
    /// <returns>How the speech ended.</returns>
    /// <exception cref="ArgumentException"><paramref name="botId"/> is null or blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sampleRate"/> is not positive.</exception>
    /// <exception cref="RemoteBotCommandException">The bot is not connected anywhere, its replica is gone, timed out, or the speech failed there.</exception>
    public async Task<SpeakResult> SpeakAsync(string botId, ReadOnlyMemory<short> samples, int sampleRate = 48_000, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(botId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        var (local, replica) = await RouteAsync(botId, cancellationToken).ConfigureAwait(false);
        if (local is not null)
        {
            return await local.SpeakAsync(samples, sampleRate, cancellationToken).ConfigureAwait(false);
        }

        var reply = await SendAsync(
            replica,
            new BotCommandMessage { BotId = botId, Kind = BotCommandKinds.Speak, Pcm = MemoryMarshal.AsBytes(samples.Span).ToArray(), SampleRate = sampleRate },
            cancellationToken).ConfigureAwait(false);
        return reply.SpeakResult ?? SpeakResult.Completed;
    }

    /// <summary>Barge-in: drops the bot's queued speech, on whichever replica holds it (<see cref="BotSession.InterruptAsync"/>).</summary>
    /// <param name="botId">The bot id.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>A task that completes when the owning replica has written the interrupt.</returns>
    /// <exception cref="ArgumentException"><paramref name="botId"/> is null or blank.</exception>
    /// <exception cref="RemoteBotCommandException">The bot is not connected anywhere, its replica is gone, timed out, or the command failed there.</exception>
    public async Task InterruptAsync(string botId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(botId);
        var (local, replica) = await RouteAsync(botId, cancellationToken).ConfigureAwait(false);
        if (local is not null)
        {
            await local.InterruptAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        await SendAsync(replica, new BotCommandMessage { BotId = botId, Kind = BotCommandKinds.Interrupt }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Posts a meeting chat message through the bot's control channel, on whichever replica holds it (<see cref="BotSession.SendMessageAsync"/>).</summary>
    /// <param name="botId">The bot id.</param>
    /// <param name="message">The chat text.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>A task that completes when the owning replica has written the message.</returns>
    /// <exception cref="ArgumentException"><paramref name="botId"/> is blank or <paramref name="message"/> is null or empty.</exception>
    /// <exception cref="RemoteBotCommandException">The bot is not connected anywhere, its replica is gone, timed out, or the command failed there.</exception>
    public async Task SendMessageAsync(string botId, string message, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(botId);
        ArgumentException.ThrowIfNullOrEmpty(message);
        var (local, replica) = await RouteAsync(botId, cancellationToken).ConfigureAwait(false);
        if (local is not null)
        {
            await local.SendMessageAsync(message, cancellationToken).ConfigureAwait(false);
            return;
        }

        await SendAsync(replica, new BotCommandMessage { BotId = botId, Kind = BotCommandKinds.Chat, Message = message }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Completes the waiting command a reply belongs to (called by the reply subscription).</summary>
    /// <param name="reply">The reply.</param>
    internal void Complete(BotCommandReply reply)
    {
        if (_pending.TryRemove(reply.Id, out var waiter))
        {
            waiter.TrySetResult(reply);
        }
    }

    // Where a command runs: on the local session when it has an open control channel, or when it has none yet and no
    // other replica holds the bot's control channel (it waits for one, as BotSession does); otherwise on the replica
    // the directory names (the one holding the control channel: the bot's audio socket may be here, its control there).
    private async Task<(BotSession? Local, string Replica)> RouteAsync(string botId, CancellationToken cancellationToken)
    {
        var hasLocal = _registry.TryGetSession(botId, out var local) && !local!.IsEnded;
        if (hasLocal && local!.Control is { IsClosed: false })
        {
            return (local, _options.ReplicaId);
        }

        var replica = await FindReplicaAsync(botId, cancellationToken).ConfigureAwait(false);
        if (hasLocal && (replica is null || replica == _options.ReplicaId))
        {
            return (local, _options.ReplicaId);
        }

        return replica is null
            ? throw new RemoteBotCommandException($"Bot '{botId}' has no live session on any replica (not connected yet, left, or its replica died).", botId, RemoteBotCommandFailure.NotConnected)
            : (null, replica);
    }

    private async Task<BotCommandReply> SendAsync(string replica, BotCommandMessage command, CancellationToken cancellationToken)
    {
        var botId = command.BotId;
        command.Id = Guid.NewGuid().ToString("N");
        command.ReplyTo = _options.ReplicaId;
        var waiter = new TaskCompletionSource<BotCommandReply>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[command.Id] = waiter;
        // The timeout starts before the command is published, so it covers the whole round trip.
        using var timeout = new CancellationTokenSource(_options.CommandTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        try
        {
            var connection = await _connection.GetAsync().ConfigureAwait(false);
            long receivers;
            try
            {
                var json = JsonSerializer.SerializeToUtf8Bytes(command, RedisSessionsJsonContext.Default.BotCommandMessage);
                receivers = await connection.GetSubscriber().PublishAsync(_keys.Commands(replica), json).WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                throw new RemoteBotCommandException($"Cannot send the {command.Kind} command for bot '{botId}': Redis is unavailable ({ex.GetType().Name}).", botId, RemoteBotCommandFailure.RedisUnavailable, replica, ex);
            }

            if (receivers == 0)
            {
                throw new RemoteBotCommandException($"Bot '{botId}' is listed on replica '{replica}', which is not listening (stopped or died; its entry expires within {_options.EntryTimeToLive}).", botId, RemoteBotCommandFailure.ReplicaUnreachable, replica);
            }

            BotCommandReply reply;
            try
            {
                reply = await waiter.Task.WaitAsync(linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new RemoteBotCommandException($"Replica '{replica}' did not answer the {command.Kind} command for bot '{botId}' within {_options.CommandTimeout}.", botId, RemoteBotCommandFailure.TimedOut, replica);
            }

            return reply.Failure is { } failure
                ? throw new RemoteBotCommandException($"The {command.Kind} command for bot '{botId}' failed on replica '{replica}': {reply.Error}", botId, failure, replica)
                : reply;
        }
        finally
        {
            _pending.TryRemove(command.Id, out _);
        }
    }
}
