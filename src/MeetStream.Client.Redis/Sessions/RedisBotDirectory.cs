using MeetStream.Client.Realtime;
using Microsoft.Extensions.Logging;
using MeetStream.Client.Redis.Configuration;
using StackExchange.Redis;

namespace MeetStream.Client.Redis.Sessions;

/// <summary>
/// The Redis directory of which replica holds which bot: one string key per bot holding the replica id, with an
/// expiry renewed by the heartbeat, so a dead replica's entries vanish. Written on session start, removed on session
/// end (only when it still names this replica: a bot that reconnected elsewhere keeps its new entry).
/// </summary>
internal sealed partial class RedisBotDirectory
{
    private readonly RedisConnection _connection;
    private readonly RedisBotSessionOptions _options;
    private readonly RedisSessionKeys _keys;
    private readonly ILogger _logger;

    public RedisBotDirectory(RedisConnection connection, RedisBotSessionOptions options, ILogger logger)
    {
        _connection = connection;
        _options = options;
        _keys = new RedisSessionKeys(options.KeyPrefix);
        _logger = logger;
    }

    /// <summary>
    /// Lists a new session under this replica once its control channel is attached here (commands run through the
    /// control channel; a replica holding only the bot's audio socket is not listed), and removes the entry when the
    /// session ends.
    /// </summary>
    /// <param name="session">The session that started on this replica.</param>
    /// <returns>A task that completes when the entry is written, or the session ended without a control channel.</returns>
    public async Task RegisterWhenControlAttachedAsync(BotSession session)
    {
        try
        {
            await session.GetControlAsync().ConfigureAwait(false);
        }
        catch (MeetStreamRealtimeException)
        {
            return; // the session ended without a control channel on this replica
        }

        await RenewAsync(session.BotId).ConfigureAwait(false);
        await RemoveWhenEndedAsync(session).ConfigureAwait(false);
    }

    /// <summary>Writes (or renews) a bot's entry naming this replica. A Redis failure is logged, not thrown: the bot still works locally.</summary>
    /// <param name="botId">The bot id.</param>
    /// <returns>Whether the entry was written.</returns>
    public async Task<bool> RenewAsync(string botId)
    {
        try
        {
            var connection = await _connection.GetAsync().ConfigureAwait(false);
            await connection.GetDatabase().StringSetAsync(_keys.Bot(botId), _options.ReplicaId, _options.EntryTimeToLive).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            LogWriteFailed(_logger, botId, ex.GetType().Name, ex);
            return false;
        }
    }

    private async Task RemoveWhenEndedAsync(BotSession session)
    {
        await session.Completion.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        try
        {
            var connection = await _connection.GetAsync().ConfigureAwait(false);

            // Deletes only when the value is still this replica's id (a compare-and-delete, atomic on the server).
            await connection.GetDatabase().LockReleaseAsync(_keys.Bot(session.BotId), _options.ReplicaId).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException or ObjectDisposedException)
        {
            // The entry expires on its own.
            LogWriteFailed(_logger, session.BotId, ex.GetType().Name, ex);
        }
    }

    [LoggerMessage(EventId = 4201, Level = LogLevel.Warning, Message = "Could not update the Redis bot directory for bot {BotId} ({Error}); commands from other replicas cannot reach it until the next heartbeat.")]
    private static partial void LogWriteFailed(ILogger logger, string botId, string error, Exception exception);
}
