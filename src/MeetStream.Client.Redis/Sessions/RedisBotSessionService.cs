using System.Runtime.InteropServices;
using System.Text.Json;
using MeetStream.Client.Realtime;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MeetStream.Client.Redis.Configuration;
using StackExchange.Redis;

namespace MeetStream.Client.Redis.Sessions;

/// <summary>
/// The replica's side of the live-session scale-out: listens for commands for its bots and runs them on their
/// <see cref="BotSession"/>s (each in its own task, so an interrupt overtakes a speech in progress), listens for the
/// replies to its own commands, and renews the directory entries of its live sessions every heartbeat.
/// </summary>
internal sealed partial class RedisBotSessionService : BackgroundService
{
    private readonly BotSessionRegistry _registry;
    private readonly RedisConnection _connection;
    private readonly RedisBotDirectory _directory;
    private readonly RedisBotCommands _commands;
    private readonly RedisBotSessionOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly RedisSessionKeys _keys;
    private readonly CancellationTokenSource _stopping = new();
    private Task _subscribing = Task.CompletedTask;
    private int _attempt;

    public RedisBotSessionService(BotSessionRegistry registry, RedisConnection connection, RedisBotDirectory directory, RedisBotCommands commands, RedisBotSessionOptions options, TimeProvider time, ILogger logger)
    {
        _registry = registry;
        _connection = connection;
        _directory = directory;
        _commands = commands;
        _options = options;
        _time = time;
        _logger = logger;
        _keys = new RedisSessionKeys(options.KeyPrefix);
    }

    /// <summary>
    /// Subscribes to this replica's command and reply channels, waiting for them before the host reports started — but
    /// at most <see cref="StartWait"/>: Redis being down never fails nor holds the start. The subscriptions are then
    /// retried in the background until Redis answers, and the heartbeat writes the directory entries meanwhile.
    /// </summary>
    /// <param name="cancellationToken">Aborts the start.</param>
    /// <returns>A task that completes when both subscriptions are active or the start wait is over.</returns>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        _subscribing = SubscribeAsync(_stopping.Token);
        var waited = await Task.WhenAny(_subscribing, Task.Delay(StartWait, TimeProvider.System, cancellationToken)).ConfigureAwait(false);
        if (waited != _subscribing)
        {
            LogSubscribeDeferred(_logger, StartWait);
        }

        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Unsubscribes, then stops the heartbeat.</summary>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>A task that completes when stopped.</returns>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _subscribing.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        try
        {
            var subscriber = (await _connection.GetAsync().ConfigureAwait(false)).GetSubscriber();
            await subscriber.UnsubscribeAsync(_keys.Commands(_options.ReplicaId)).ConfigureAwait(false);
            await subscriber.UnsubscribeAsync(_keys.Replies(_options.ReplicaId)).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException or ObjectDisposedException)
        {
            // Redis is gone: the subscriptions are gone with it.
        }

        await base.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        _stopping.Dispose();
        base.Dispose();
    }

    /// <summary>The heartbeat: renews the entries of every live session on this replica.</summary>
    /// <param name="stoppingToken">Stops the loop.</param>
    /// <returns>The loop.</returns>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(_options.HeartbeatInterval, _time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            foreach (var session in _registry.Sessions)
            {
                if (!session.IsEnded && session.Control is { IsClosed: false })
                {
                    await _directory.RenewAsync(session.BotId).ConfigureAwait(false);
                }
            }
        }
    }

    /// <summary>Gets the longest the host start waits for the command channels (Redis down must not hold it).</summary>
    internal static TimeSpan StartWait { get; } = TimeSpan.FromSeconds(5);

    /// <summary>Gets the pause between two subscription attempts while Redis is down.</summary>
    internal static TimeSpan RetryDelay { get; } = TimeSpan.FromSeconds(1);

    // Subscribes both channels, retrying while Redis is down. Each attempt registers its own handlers, which ignore
    // messages once a later attempt exists: a failed attempt can leave its handlers registered in the client, and a
    // command must never run twice.
    private async Task SubscribeAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            var attempt = Interlocked.Increment(ref _attempt);
            Action<RedisChannel, RedisValue> onReply = (_, value) =>
            {
                if (Volatile.Read(ref _attempt) == attempt)
                {
                    OnReply(value);
                }
            };
            Action<RedisChannel, RedisValue> onCommand = (channel, value) =>
            {
                if (Volatile.Read(ref _attempt) == attempt)
                {
                    _ = RunCommandAsync(value);
                }
            };
            ISubscriber? subscriber = null;
            try
            {
                subscriber = (await _connection.GetAsync().WaitAsync(stopping).ConfigureAwait(false)).GetSubscriber();
                await subscriber.SubscribeAsync(_keys.Replies(_options.ReplicaId), onReply).WaitAsync(stopping).ConfigureAwait(false);
                await subscriber.SubscribeAsync(_keys.Commands(_options.ReplicaId), onCommand).WaitAsync(stopping).ConfigureAwait(false);
                return;
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException or InvalidOperationException)
            {
                LogSubscribeFailed(_logger, ex.GetType().Name, ex);
                if (subscriber is not null)
                {
                    await ForgetAsync(subscriber, _keys.Replies(_options.ReplicaId), onReply).ConfigureAwait(false);
                    await ForgetAsync(subscriber, _keys.Commands(_options.ReplicaId), onCommand).ConfigureAwait(false);
                }
            }

            try
            {
                await Task.Delay(RetryDelay, TimeProvider.System, stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    // Best effort: removes a failed attempt's handler from the client (it ignores messages anyway).
    private static async Task ForgetAsync(ISubscriber subscriber, RedisChannel channel, Action<RedisChannel, RedisValue> handler)
    {
        try
        {
            await subscriber.UnsubscribeAsync(channel, handler).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            // Redis is down: the handler stays registered locally and ignores messages.
        }
    }

    private void OnReply(RedisValue value)
    {
        try
        {
            if (JsonSerializer.Deserialize((byte[])value!, RedisSessionsJsonContext.Default.BotCommandReply) is { } reply)
            {
                _commands.Complete(reply);
            }
        }
        catch (JsonException ex)
        {
            LogBadMessage(_logger, "reply", ex);
        }
    }

    private async Task RunCommandAsync(RedisValue value)
    {
        BotCommandMessage? command;
        try
        {
            command = JsonSerializer.Deserialize((byte[])value!, RedisSessionsJsonContext.Default.BotCommandMessage);
        }
        catch (JsonException ex)
        {
            LogBadMessage(_logger, "command", ex);
            return;
        }

        if (command is null || command.Id.Length == 0 || command.ReplyTo.Length == 0 || command.BotId.Length == 0)
        {
            LogBadMessage(_logger, "command", null);
            return;
        }

        var reply = new BotCommandReply { Id = command.Id };
        if (!_registry.TryGetSession(command.BotId, out var session) || session.IsEnded)
        {
            reply.Failure = RemoteBotCommandFailure.NotConnected;
            reply.Error = $"the bot has no live session on replica '{_options.ReplicaId}'.";
        }
        else
        {
            try
            {
                switch (command.Kind)
                {
                    case BotCommandKinds.Speak:
                        var pcm = command.Pcm ?? [];
                        var samples = MemoryMarshal.Cast<byte, short>(pcm.AsSpan(0, pcm.Length & ~1)).ToArray();
                        reply.SpeakResult = await session.SpeakAsync(samples, command.SampleRate, _stopping.Token).ConfigureAwait(false);
                        break;
                    case BotCommandKinds.Interrupt:
                        await session.InterruptAsync(_stopping.Token).ConfigureAwait(false);
                        break;
                    case BotCommandKinds.Chat:
                        await session.SendMessageAsync(command.Message ?? string.Empty, _stopping.Token).ConfigureAwait(false);
                        break;
                    default:
                        reply.Failure = RemoteBotCommandFailure.Failed;
                        reply.Error = $"unknown command '{command.Kind}' (replicas of different versions?).";
                        break;
                }
            }
            catch (Exception ex) when (ex is MeetStreamException or ArgumentException or OperationCanceledException)
            {
                reply.Failure = RemoteBotCommandFailure.Failed;
                reply.Error = ex.Message;
            }
        }

        try
        {
            var subscriber = (await _connection.GetAsync().ConfigureAwait(false)).GetSubscriber();
            await subscriber.PublishAsync(_keys.Replies(command.ReplyTo), JsonSerializer.SerializeToUtf8Bytes(reply, RedisSessionsJsonContext.Default.BotCommandReply)).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException or ObjectDisposedException)
        {
            LogReplyFailed(_logger, command.BotId, ex.GetType().Name, ex);
        }
    }

    [LoggerMessage(EventId = 4204, Level = LogLevel.Warning, Message = "The session command channels are not subscribed after {Wait} (Redis unavailable?): the host starts and the subscription goes on in the background.")]
    private static partial void LogSubscribeDeferred(ILogger logger, TimeSpan wait);

    [LoggerMessage(EventId = 4205, Level = LogLevel.Warning, Message = "Could not subscribe the session command channels ({Error}); retrying.")]
    private static partial void LogSubscribeFailed(ILogger logger, string error, Exception exception);

    [LoggerMessage(EventId = 4202, Level = LogLevel.Warning, Message = "Ignored a malformed {Kind} message on the Redis session channels.")]
    private static partial void LogBadMessage(ILogger logger, string kind, Exception? exception);

    [LoggerMessage(EventId = 4203, Level = LogLevel.Warning, Message = "Could not publish the result of a command for bot {BotId} ({Error}); the sender times out.")]
    private static partial void LogReplyFailed(ILogger logger, string botId, string error, Exception exception);
}
